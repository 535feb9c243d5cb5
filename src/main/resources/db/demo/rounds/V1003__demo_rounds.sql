-- Demo rounds of the quick start (not policy): measures 1-3 take applications from 2023-11-01 to
-- 2099-12-31, so the README walkthrough works on any day. Tests on MariaDB load this folder too.
INSERT INTO application_round (measure, name, performance_from, performance_to, opens_on, closes_on, note,
                               created_by, created_at, updated_by, updated_at, row_version)
SELECT m.measure, '演示批次（快速体验）', DATE '2023-07-01', DATE '2023-09-30', DATE '2023-11-01', DATE '2099-12-31',
       '演示数据，不是政策规定的申报期 / Demo data, not an application period set by the policy',
       'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 0
FROM (SELECT 'M1' AS measure UNION ALL SELECT 'M2' UNION ALL SELECT 'M3') m;

INSERT INTO round_event (round_id, kind, detail, actor, occurred_at)
SELECT id, 'OPENED', '演示数据 V1003 建立 / Created by demo data V1003', 'system', CURRENT_TIMESTAMP
FROM application_round WHERE name = '演示批次（快速体验）';
