/// Carries a store written before the national insurance codes across to them: rows named one of the
/// five insurances (`pension`, `medical`, …) get the code of the scheme they are.
///
/// The old names did not say whether a pension or medical enrolment was an employee's or a
/// resident's, so the rows tell: residents' schemes have no contribution base (a resident pays a
/// yearly grade), and a resident enrols alone (unit `个人`) with no contribution on a base. The
/// flexibly employed also enrol alone, but pay on a base, so they stay in the employees' schemes.
///
/// One statement for the terminal's cache and the centre's store, on SQLite and on PostgreSQL.
public enum InsuranceCodeMigration {
    public static let sql = """
        UPDATE contribution SET insurance = CASE insurance
            WHEN 'pension' THEN CASE WHEN baseFen = 0 THEN '170' ELSE '110' END
            WHEN 'medical' THEN CASE WHEN baseFen = 0 THEN '390' ELSE '310' END
            WHEN 'unemployment' THEN '210'
            WHEN 'work-injury' THEN '410'
            ELSE '510' END
        WHERE insurance IN ('pension', 'medical', 'unemployment', 'work-injury', 'maternity');
        UPDATE enrolment SET insurance = CASE insurance
            WHEN 'pension' THEN CASE WHEN unit = '个人' AND NOT EXISTS (
                SELECT 1 FROM contribution c WHERE c.idNumber = enrolment.idNumber AND c.insurance = '110')
                THEN '170' ELSE '110' END
            WHEN 'medical' THEN CASE WHEN unit = '个人' AND NOT EXISTS (
                SELECT 1 FROM contribution c WHERE c.idNumber = enrolment.idNumber AND c.insurance = '310')
                THEN '390' ELSE '310' END
            WHEN 'unemployment' THEN '210'
            WHEN 'work-injury' THEN '410'
            ELSE '510' END
        WHERE insurance IN ('pension', 'medical', 'unemployment', 'work-injury', 'maternity');
        """
}
