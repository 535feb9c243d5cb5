-- 工作日历 (docs/working-days.md): the years whose State Council notice on public holidays is loaded. A year without
-- one counts weekends only as rest days, and every page showing that year warns so.
CREATE TABLE calendar_notice_year (
    notice_year INT           NOT NULL PRIMARY KEY,
    source      VARCHAR(100)  NOT NULL,
    updated_by  VARCHAR(64)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL
)${tableOptions};

INSERT INTO calendar_notice_year (notice_year, source, updated_by, updated_at) VALUES
    (2023, '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00'),
    (2024, '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00'),
    (2025, '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00'),
    (2026, '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00');

-- the notice a day comes from (a notice may name the last days of the year before, e.g. 2023-12-30 in 2024's):
-- importing a year's notice again replaces exactly the days of that notice
ALTER TABLE calendar_day ADD COLUMN notice_year INT NOT NULL DEFAULT 0;
UPDATE calendar_day SET notice_year = 2023 WHERE source = '国办发明电〔2022〕16号';
UPDATE calendar_day SET notice_year = 2024 WHERE source = '国务院办公厅 2023-10-25 通知';
UPDATE calendar_day SET notice_year = 2025 WHERE source = '国办发明电〔2024〕12号';
UPDATE calendar_day SET notice_year = 2026 WHERE source = '国务院办公厅 2025-11-04 通知';
UPDATE calendar_day SET notice_year = YEAR(calendar_date) WHERE notice_year = 0;

-- the audit of a day also keeps what the day was (occasion and source before the change) and why it changed
ALTER TABLE calendar_change ADD COLUMN old_occasion VARCHAR(50);
ALTER TABLE calendar_change ADD COLUMN old_source VARCHAR(100);
ALTER TABLE calendar_change ADD COLUMN note VARCHAR(200);

-- 公示 (public notice) of a settlement in working days: its first and last day (第201条; lastDayOf(start, n))
ALTER TABLE settlement ADD COLUMN notice_first_day DATE;
ALTER TABLE settlement ADD COLUMN notice_last_day DATE;
