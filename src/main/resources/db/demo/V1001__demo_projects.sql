-- Demo project library of the quick start (default profile only; names and figures are invented).
-- Nine projects of the five demo enterprises over five localities, with cumulative monthly reports
-- (see docs/projects.md): one completed on the last day of August, one completed in June (before the
-- measure 3 window), one whose August report is missing (carried forward), one planned for October,
-- and one major project that should have started in August but has not (zero progress).

INSERT INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, planned_equipment_investment,
    planned_start, planned_completion, actual_start, actual_completion, major, status, created_by, created_at, updated_by, updated_at, row_version)
SELECT id, 'donghu', '年产50万套精密轴承扩建项目', 'new', 320000000.00, 150000000.00, '2023-03-01', '2024-06-30', '2023-03-18', NULL, TRUE, 'UNDER_CONSTRUCTION',
    'donghu-verifier', CURRENT_TIMESTAMP, 'donghu-verifier', CURRENT_TIMESTAMP, 0 FROM enterprise WHERE uscc = '91360102MA35HQ1D2F';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-05', 48000000.00, 12000000.00, 'donghu-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '年产50万套精密轴承扩建项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-06', 64000000.00, 20000000.00, 'donghu-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '年产50万套精密轴承扩建项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-07', 90000000.00, 35000000.00, 'donghu-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '年产50万套精密轴承扩建项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-08', 118000000.00, 52000000.00, 'donghu-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '年产50万套精密轴承扩建项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-09', 146000000.00, 78000000.00, 'donghu-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '年产50万套精密轴承扩建项目';

INSERT INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, planned_equipment_investment,
    planned_start, planned_completion, actual_start, actual_completion, major, status, created_by, created_at, updated_by, updated_at, row_version)
SELECT id, 'donghu', '数控加工中心智能化技术改造项目', 'renovation', 45000000.00, 30000000.00, '2023-01-10', '2023-06-30', '2023-01-15', '2023-08-31', FALSE, 'COMPLETED',
    'donghu-verifier', CURRENT_TIMESTAMP, 'donghu-verifier', CURRENT_TIMESTAMP, 0 FROM enterprise WHERE uscc = '91360102MA35HQ1D2F';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-06', 30000000.00, 18000000.00, 'donghu-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '数控加工中心智能化技术改造项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-07', 38000000.00, 24500000.00, 'donghu-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '数控加工中心智能化技术改造项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-08', 45000000.00, 29800000.00, 'donghu-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '数控加工中心智能化技术改造项目';

INSERT INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, planned_equipment_investment,
    planned_start, planned_completion, actual_start, actual_completion, major, status, created_by, created_at, updated_by, updated_at, row_version)
SELECT id, 'qingshanhu', '新型显示模组生产线新建项目', 'new', 680000000.00, 400000000.00, '2023-06-01', '2025-03-31', '2023-07-06', NULL, TRUE, 'UNDER_CONSTRUCTION',
    'qingshanhu-verifier', CURRENT_TIMESTAMP, 'qingshanhu-verifier', CURRENT_TIMESTAMP, 0 FROM enterprise WHERE uscc = '91360111MA38GK7X58';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-07', 25000000.00, 0.00, 'qingshanhu-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '新型显示模组生产线新建项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-08', 60000000.00, 10000000.00, 'qingshanhu-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '新型显示模组生产线新建项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-09', 105000000.00, 30000000.00, 'qingshanhu-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '新型显示模组生产线新建项目';

INSERT INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, planned_equipment_investment,
    planned_start, planned_completion, actual_start, actual_completion, major, status, created_by, created_at, updated_by, updated_at, row_version)
SELECT id, 'gaoxin', '高性能锂电隔膜二期项目', 'new', 1200000000.00, 700000000.00, '2022-09-01', '2024-12-31', '2022-09-20', NULL, TRUE, 'UNDER_CONSTRUCTION',
    'gaoxin-verifier', CURRENT_TIMESTAMP, 'gaoxin-verifier', CURRENT_TIMESTAMP, 0 FROM enterprise WHERE uscc = '91360100MA39AB3C10';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-06', 420000000.00, 210000000.00, 'gaoxin-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '高性能锂电隔膜二期项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-07', 470000000.00, 245000000.00, 'gaoxin-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '高性能锂电隔膜二期项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-08', 515000000.00, 271000000.00, 'gaoxin-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '高性能锂电隔膜二期项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-09', 566000000.00, 303000000.00, 'gaoxin-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '高性能锂电隔膜二期项目';

INSERT INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, planned_equipment_investment,
    planned_start, planned_completion, actual_start, actual_completion, major, status, created_by, created_at, updated_by, updated_at, row_version)
SELECT id, 'gaoxin', '研发中心及中试基地建设项目', 'new', 150000000.00, 40000000.00, '2023-10-01', '2024-12-31', NULL, NULL, FALSE, 'PLANNED',
    'gaoxin-verifier', CURRENT_TIMESTAMP, 'gaoxin-verifier', CURRENT_TIMESTAMP, 0 FROM enterprise WHERE uscc = '91360100MA39AB3C10';

INSERT INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, planned_equipment_investment,
    planned_start, planned_completion, actual_start, actual_completion, major, status, created_by, created_at, updated_by, updated_at, row_version)
SELECT id, 'xiaolan', '新能源汽车底盘件智能工厂项目', 'new', 560000000.00, 320000000.00, '2023-02-01', '2024-08-31', '2023-02-20', NULL, TRUE, 'UNDER_CONSTRUCTION',
    'xiaolan-verifier', CURRENT_TIMESTAMP, 'xiaolan-verifier', CURRENT_TIMESTAMP, 0 FROM enterprise WHERE uscc = '91360121MA35XL0N86';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-06', 150000000.00, 60000000.00, 'xiaolan-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '新能源汽车底盘件智能工厂项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-07', 175000000.00, 78000000.00, 'xiaolan-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '新能源汽车底盘件智能工厂项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-09', 230000000.00, 110000000.00, 'xiaolan-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '新能源汽车底盘件智能工厂项目';

INSERT INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, planned_equipment_investment,
    planned_start, planned_completion, actual_start, actual_completion, major, status, created_by, created_at, updated_by, updated_at, row_version)
SELECT id, 'xiaolan', '冲压车间自动化技术改造项目', 'renovation', 28000000.00, 22000000.00, '2023-04-01', '2023-06-30', '2023-04-10', '2023-06-28', FALSE, 'COMPLETED',
    'xiaolan-verifier', CURRENT_TIMESTAMP, 'xiaolan-verifier', CURRENT_TIMESTAMP, 0 FROM enterprise WHERE uscc = '91360121MA35XL0N86';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-05', 15000000.00, 11000000.00, 'xiaolan-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '冲压车间自动化技术改造项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-06', 28000000.00, 22000000.00, 'xiaolan-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '冲压车间自动化技术改造项目';

INSERT INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, planned_equipment_investment,
    planned_start, planned_completion, actual_start, actual_completion, major, status, created_by, created_at, updated_by, updated_at, row_version)
SELECT id, 'anyi', '节能型铝型材挤压生产线技术改造项目', 'renovation', 36000000.00, 26000000.00, '2023-05-01', '2023-12-31', '2023-05-15', NULL, FALSE, 'UNDER_CONSTRUCTION',
    'anyi-verifier', CURRENT_TIMESTAMP, 'anyi-verifier', CURRENT_TIMESTAMP, 0 FROM enterprise WHERE uscc = '91360123MA37TW2P61';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-06', 6000000.00, 3000000.00, 'anyi-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '节能型铝型材挤压生产线技术改造项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-07', 12000000.00, 7500000.00, 'anyi-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '节能型铝型材挤压生产线技术改造项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-08', 19000000.00, 13000000.00, 'anyi-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '节能型铝型材挤压生产线技术改造项目';
INSERT INTO project_report (project_id, report_month, cumulative_investment, cumulative_equipment, reported_by, reported_at, row_version)
SELECT id, '2023-09', 25500000.00, 18200000.00, 'anyi-verifier', CURRENT_TIMESTAMP, 0 FROM project WHERE name = '节能型铝型材挤压生产线技术改造项目';

INSERT INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, planned_equipment_investment,
    planned_start, planned_completion, actual_start, actual_completion, major, status, created_by, created_at, updated_by, updated_at, row_version)
SELECT id, 'anyi', '高端铝合金门窗系统新建项目', 'new', 260000000.00, 110000000.00, '2023-08-01', '2025-06-30', NULL, NULL, TRUE, 'PLANNED',
    'anyi-verifier', CURRENT_TIMESTAMP, 'anyi-verifier', CURRENT_TIMESTAMP, 0 FROM enterprise WHERE uscc = '91360123MA37TW2P61';

INSERT INTO project_event (project_id, occurred_at, actor, action, detail)
SELECT id, CURRENT_TIMESTAMP, created_by, 'PROJECT_CREATED', '演示数据 demo data' FROM project;
