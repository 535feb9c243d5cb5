-- Measure 7 (issue 17, item 2): 市直相关部门 (szxbm) is not one office. The handling units (办理单位) of enterprise
-- demands are units of their own, and so groups (quick start: Camunda identity; keycloak profile: realm groups).
-- handling: a unit DMN demand-routing may name; liaison: reached through a liaison account (a vertically managed
-- bureau or a utility, not a municipal department); active: an administrator may retire a unit (it then may not be
-- named by a published routing table); labelled_default: the list is a system default awaiting the policy
-- department's confirmation (系统默认值，待政策部门确认), not the policy's; maintained: administrators maintain it
-- (rename, retire) through /api/units — the handling units added here or by them, never the policy's own units of V2/V33.
ALTER TABLE unit ADD COLUMN handling BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE unit ADD COLUMN liaison BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE unit ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE unit ADD COLUMN labelled_default BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE unit ADD COLUMN maintained BOOLEAN NOT NULL DEFAULT FALSE;

-- 市工信局 coordinates and handles policy consultations; 市金融办 handles financing demands
UPDATE unit SET handling = TRUE WHERE id IN ('gxj', 'jrb');

INSERT INTO unit (id, name_zh, name_en, kind, division_code, sort_order, handling, liaison, active, labelled_default, maintained) VALUES
('rsj',   '市人力资源和社会保障局', 'Municipal Human Resources and Social Security Bureau', 'CITY', NULL, 201, TRUE, FALSE, TRUE, TRUE, TRUE),
('zrzyj', '市自然资源和规划局', 'Municipal Natural Resources and Planning Bureau', 'CITY', NULL, 202, TRUE, FALSE, TRUE, TRUE, TRUE),
('xzspj', '市行政审批局', 'Municipal Administrative Approval Bureau', 'CITY', NULL, 203, TRUE, FALSE, TRUE, TRUE, TRUE),
('jtj',   '市交通运输局', 'Municipal Transport Bureau', 'CITY', NULL, 204, TRUE, FALSE, TRUE, TRUE, TRUE),
('kjj',   '市科技局', 'Municipal Science and Technology Bureau', 'CITY', NULL, 205, TRUE, FALSE, TRUE, TRUE, TRUE),
('sthjj', '市生态环境局', 'Municipal Ecology and Environment Bureau', 'CITY', NULL, 206, TRUE, FALSE, TRUE, TRUE, TRUE),
('yjglj', '市应急管理局', 'Municipal Emergency Management Bureau', 'CITY', NULL, 207, TRUE, FALSE, TRUE, TRUE, TRUE),
('tax',   '国家税务总局南昌市税务局', 'Nanchang Municipal Tax Service, State Taxation Administration', 'CITY', NULL, 208, TRUE, TRUE, TRUE, TRUE, TRUE),
('power', '国网南昌供电公司', 'State Grid Nanchang Power Supply Company', 'CITY', NULL, 209, TRUE, TRUE, TRUE, TRUE, TRUE),
('water', '南昌水业集团', 'Nanchang Water Group', 'CITY', NULL, 210, TRUE, TRUE, TRUE, TRUE, TRUE),
('gas',   '南昌市燃气集团', 'Nanchang Gas Group', 'CITY', NULL, 211, TRUE, TRUE, TRUE, TRUE, TRUE);
