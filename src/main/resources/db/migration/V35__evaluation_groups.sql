-- Locality evaluation (measures 5 and 6, docs/evaluation.md "Scoring and ranking"): the groups localities are ranked
-- in. The policy names none: this mapping is the system's labelled default (系统默认值) that staff change here —
-- districts (湾里管理局 with them), counties, development zones. cn.huiqi.evaluation.LocalityGroups reads it.
CREATE TABLE evaluation_locality_group (
    unit_id     VARCHAR(32)  NOT NULL,
    group_code  VARCHAR(32)  NOT NULL,
    note        VARCHAR(200) NOT NULL,
    PRIMARY KEY (unit_id),
    CONSTRAINT fk_evaluation_locality_group_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT ck_evaluation_locality_group_code CHECK (group_code IN ('DISTRICT', 'COUNTY', 'DEVELOPMENT_ZONE'))
)${tableOptions};

INSERT INTO evaluation_locality_group (unit_id, group_code, note) VALUES
('donghu',       'DISTRICT',         '系统默认值'),
('xihu',         'DISTRICT',         '系统默认值'),
('qingyunpu',    'DISTRICT',         '系统默认值'),
('qingshanhu',   'DISTRICT',         '系统默认值'),
('xinjian',      'DISTRICT',         '系统默认值'),
('honggutan',    'DISTRICT',         '系统默认值'),
('wanli',        'DISTRICT',         '系统默认值：湾里管理局与各区同组'),
('nanchangxian', 'COUNTY',           '系统默认值'),
('anyi',         'COUNTY',           '系统默认值'),
('jinxian',      'COUNTY',           '系统默认值'),
('gaoxin',       'DEVELOPMENT_ZONE', '系统默认值'),
('jingkai',      'DEVELOPMENT_ZONE', '系统默认值'),
('xiaolan',      'DEVELOPMENT_ZONE', '系统默认值');
