-- Demo enterprises of the quick start (default profile only). Names are invented.
-- One of them carries 𠮷 (U+20BB7), a 4-byte character, on purpose.
INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at) VALUES
('91360102MA35HQ1D2F', '南昌洪都精密机械有限公司',   'donghu',       '张伟',   '0791-86000001', CURRENT_TIMESTAMP),
('91360111MA38GK7X58', '江西𠮷祥电子科技有限公司',   'qingshanhu',   '𠮷利民', '0791-86000002', CURRENT_TIMESTAMP),
('91360100MA39AB3C10', '南昌赣江新材料股份有限公司', 'gaoxin',       '李娜',   '0791-86000003', CURRENT_TIMESTAMP),
('91360121MA35XL0N86', '南昌小蓝汽车零部件有限公司', 'xiaolan',      '王强',   '0791-86000004', CURRENT_TIMESTAMP),
('91360123MA37TW2P61', '安义铝材制品有限公司',       'anyi',         '刘洋',   '0791-86000005', CURRENT_TIMESTAMP);

INSERT INTO enterprise_user (user_id, enterprise_id) SELECT 'ent-hongdu',  id FROM enterprise WHERE uscc = '91360102MA35HQ1D2F';
INSERT INTO enterprise_user (user_id, enterprise_id) SELECT 'ent-jixiang', id FROM enterprise WHERE uscc = '91360111MA38GK7X58';
INSERT INTO enterprise_user (user_id, enterprise_id) SELECT 'ent-ganjiang', id FROM enterprise WHERE uscc = '91360100MA39AB3C10';
INSERT INTO enterprise_user (user_id, enterprise_id) SELECT 'ent-xiaolan', id FROM enterprise WHERE uscc = '91360121MA35XL0N86';
INSERT INTO enterprise_user (user_id, enterprise_id) SELECT 'ent-anyi',    id FROM enterprise WHERE uscc = '91360123MA37TW2P61';
