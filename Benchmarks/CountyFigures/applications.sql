-- A month of applications for the benchmark, in plain SQL that both SQLite and PostgreSQL run: one
-- for every tenth person (the 16th digit of the ID number a 7), its kind, clerk, day and fate drawn
-- from other digits of the number, so that both stores hold the same rows. :START is the month's
-- first instant in milliseconds; the triggers note every region, as a terminal's push would.
INSERT INTO application (
    id, kind, idNumber, status, submittedBy, submittedAt, deadline, approvedBy, completedAt, details, terminalID,
    regionCode, version, changeSequence)
SELECT 'BENCH-' || idNumber,
    CASE substr(idNumber, 15, 1)
        WHEN '0' THEN 'unemployment-registration' WHEN '1' THEN 'employment-registration'
        WHEN '2' THEN 'training-sign-up' WHEN '3' THEN 'card-application'
        ELSE 'resident-pension-enrolment' END,
    idNumber,
    CASE substr(idNumber, 17, 1)
        WHEN '0' THEN 'rejected' WHEN '1' THEN 'submitted' WHEN '2' THEN 'approved'
        WHEN '3' THEN 'awaiting-materials' ELSE 'completed' END,
    'clerk-' || substr(idNumber, 14, 1),
    :START + (CAST(substr(idNumber, 12, 3) AS BIGINT) % 28) * 86400000 + 7200000,
    :START + (CAST(substr(idNumber, 12, 3) AS BIGINT) % 28) * 86400000 + 7200000 + 7 * 86400000,
    NULL,
    CASE WHEN substr(idNumber, 17, 1) IN ('0', '1', '2', '3') THEN NULL
        ELSE :START + (CAST(substr(idNumber, 12, 3) AS BIGINT) % 28) * 86400000 + 7200000
            + CAST(substr(idNumber, 13, 2) AS BIGINT) * 14400000 END,
    '{}', 'T-BENCH', regionCode, 1, 0
FROM person WHERE substr(idNumber, 16, 1) = '7';
