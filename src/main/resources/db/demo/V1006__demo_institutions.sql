-- Quick start (measure 8): two demo banks, labelled 演示 everywhere they are shown; their staff demobank1-staff and
-- demobank2-staff (password demo) are identity.DemoAccounts. Not real institutions: the register of real ones is kept
-- by administrators and 市金融办 through /api/financing/institutions.
INSERT INTO unit (id, name_zh, name_en, kind, division_code, sort_order, handling, liaison, active, labelled_default, maintained) VALUES
    ('demobank1', '演示银行甲', 'Demo Bank A', 'INSTITUTION', NULL, 901, FALSE, FALSE, TRUE, FALSE, TRUE),
    ('demobank2', '演示银行乙', 'Demo Bank B', 'INSTITUTION', NULL, 902, FALSE, FALSE, TRUE, FALSE, TRUE);
INSERT INTO financial_institution (unit_id, kind, contact_name, contact_phone, active, demo) VALUES
    ('demobank1', 'BANK', '演示联系人甲', '0791-80000001', TRUE, TRUE),
    ('demobank2', 'BANK', '演示联系人乙', '0791-80000002', TRUE, TRUE);
