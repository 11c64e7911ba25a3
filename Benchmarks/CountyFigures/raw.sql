-- The console's figures page as one query on the raw tables: the month's applications by township
-- with what became of them, its card steps and documents by township, and each village's coverage;
-- what the rollup answers. The run script puts in :START, :END (the month, ms), :NOW (ms), :LOW and
-- :HIGH (the county's region range), and the dialect's JSON: :STEPS (a card's steps as rows s),
-- :STEP_STATUS and :STEP_AT (a step's status and instant).
SELECT 'service' AS part, substr(regionCode, 1, 9) AS key, 'received' AS measure, COUNT(*) AS n,
    SUM(CASE WHEN completedAt IS NOT NULL AND (completedAt + 28800000) / 86400000 = (submittedAt + 28800000) / 86400000
        THEN 1 ELSE 0 END) AS sameDay,
    SUM(CASE WHEN completedAt IS NOT NULL AND completedAt <= deadline THEN 1 ELSE 0 END) AS inTime,
    SUM(CASE WHEN (completedAt IS NOT NULL AND completedAt > deadline)
        OR (status IN ('submitted', 'needs-review', 'approved', 'awaiting-materials') AND deadline < :NOW)
        THEN 1 ELSE 0 END) AS overdue,
    SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) AS refused,
    SUM(CASE WHEN status IN ('submitted', 'needs-review', 'approved', 'awaiting-materials') THEN 1 ELSE 0 END) AS open
FROM application
WHERE regionCode >= :LOW AND regionCode < :HIGH AND submittedAt >= :START AND submittedAt < :END
GROUP BY substr(regionCode, 1, 9)
UNION ALL
SELECT 'output', substr(c.regionCode, 1, 9), :STEP_STATUS, COUNT(*), 0, 0, 0, 0, 0
FROM card c, :STEPS
WHERE c.regionCode >= :LOW AND c.regionCode < :HIGH
    AND :STEP_AT >= :START AND :STEP_AT < :END
GROUP BY substr(c.regionCode, 1, 9), :STEP_STATUS
UNION ALL
SELECT 'output', substr(regionCode, 1, 9), kind, COUNT(*), 0, 0, 0, 0, 0
FROM signedCertificate WHERE regionCode >= :LOW AND regionCode < :HIGH AND signedAt >= :START AND signedAt < :END
GROUP BY substr(regionCode, 1, 9), kind
UNION ALL
SELECT 'coverage', p.regionCode, 'population', COUNT(*), 0, 0, 0, 0, 0
FROM person p WHERE p.regionCode >= :LOW AND p.regionCode < :HIGH GROUP BY p.regionCode
UNION ALL
SELECT 'coverage', p.regionCode, e.insurance, COUNT(DISTINCT p.idNumber), 0, 0, 0, 0, 0
FROM person p JOIN enrolment e ON e.idNumber = p.idNumber AND e.status = 'active'
WHERE p.regionCode >= :LOW AND p.regionCode < :HIGH GROUP BY p.regionCode, e.insurance
UNION ALL
SELECT 'coverage', p.regionCode, 'pension', COUNT(*), 0, 0, 0, 0, 0
FROM person p WHERE p.regionCode >= :LOW AND p.regionCode < :HIGH
    AND EXISTS (SELECT 1 FROM enrolment e WHERE e.idNumber = p.idNumber AND e.status = 'active'
        AND e.insurance IN ('110', '120', '170'))
GROUP BY p.regionCode
UNION ALL
SELECT 'coverage', p.regionCode, 'medical', COUNT(*), 0, 0, 0, 0, 0
FROM person p WHERE p.regionCode >= :LOW AND p.regionCode < :HIGH
    AND EXISTS (SELECT 1 FROM enrolment e WHERE e.idNumber = p.idNumber AND e.status = 'active'
        AND e.insurance IN ('310', '390'))
GROUP BY p.regionCode;
