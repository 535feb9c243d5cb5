-- The case list (GET /api/cases, issue 13 item 4) filters, sorts and pages in the database; these serve its
-- WHERE + ORDER BY ... LIMIT per role, checked with EXPLAIN on MariaDB (docs/performance.md, "Lists").
-- InnoDB appends the primary key to every secondary index, so each one also gives the id tie-break.
CREATE INDEX ix_case_list_submitted ON case_record (submitted_at);
CREATE INDEX ix_case_list_locality ON case_record (locality_unit_id, submitted_at);
CREATE INDEX ix_case_list_measure ON case_record (measure, status, submitted_at);
CREATE INDEX ix_case_list_status ON case_record (status, submitted_at);
CREATE INDEX ix_case_list_enterprise ON case_record (enterprise_id, submitted_at);
