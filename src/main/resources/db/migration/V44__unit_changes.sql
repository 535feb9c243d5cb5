-- Administrators maintain the handling units (POST/PUT /api/units): every change with who and when.
CREATE TABLE unit_change (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    unit_id     VARCHAR(32)   NOT NULL,
    change_kind VARCHAR(16)   NOT NULL,
    old_value   VARCHAR(400),
    new_value   VARCHAR(400),
    changed_by  VARCHAR(64)   NOT NULL,
    changed_at  DATETIME(6)   NOT NULL
)${tableOptions};
CREATE INDEX unit_change_unit ON unit_change (unit_id, changed_at);
