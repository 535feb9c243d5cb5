-- Quick start: the evaluation round of measure 5 (2023 first three quarters) in data entry, with the default
-- indicator set (系统默认值), for tjj-stats to download the template and import, and the localities to self-report.
-- Its rule versions are pinned when gxj opens a round; this demo round pins none until the scoring tables exist.
INSERT INTO evaluation_round (measure, name, period_from, period_to, status, created_by, created_at, updated_by, updated_at)
VALUES ('M5', '2023年前三季度制造业高质量发展试验区评价（演示）', DATE '2023-01-01', DATE '2023-09-30', 'DATA_ENTRY',
        'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP);

INSERT INTO evaluation_indicator (round_id, code, name_zh, name_en, unit_zh, direction, target, source, self_report, decimals,
                                  min_value, max_value, sort_order, note)
SELECT r.id, d.code, d.name_zh, d.name_en, d.unit_zh, d.direction, d.target, d.source, d.self_report, d.decimals,
       d.min_value, d.max_value, d.sort_order, d.note
FROM evaluation_round r CROSS JOIN evaluation_default_indicator d
WHERE r.measure = 'M5' AND r.period_from = DATE '2023-01-01' AND r.period_to = DATE '2023-09-30';

INSERT INTO evaluation_event (round_id, kind, detail, actor, occurred_at)
SELECT id, 'OPENED', '演示数据 V1005 建立，指标取自默认指标集 / Created by demo data V1005 with the default indicator set', 'system', CURRENT_TIMESTAMP
FROM evaluation_round WHERE measure = 'M5' AND period_from = DATE '2023-01-01' AND period_to = DATE '2023-09-30';
