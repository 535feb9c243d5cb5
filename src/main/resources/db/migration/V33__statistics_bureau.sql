-- 市统计局 (tjj): the data provider of the locality evaluation (measures 5 and 6); its members import the official
-- figures (docs/evaluation.md). A city unit like those of V2; its id is also its group id.
INSERT INTO unit (id, name_zh, name_en, kind, division_code, sort_order) VALUES
('tjj', '市统计局', 'Municipal Bureau of Statistics', 'CITY', NULL, 108);
