-- 付款文件 Payment files (issue 19 item 5, docs/fulfilment.md "付款文件与财政支付系统对接"): every export of a
-- settlement's payment file by 市财政局, with what it held (lines, total, SHA-256 of the file's lines), so a file loaded
-- into the finance payment system can be traced to the batch, the person and the moment.

CREATE TABLE payment_file_export (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    settlement_id BIGINT         NOT NULL,
    format        VARCHAR(8)     NOT NULL,
    line_count    INT            NOT NULL,
    total         DECIMAL(17,2)  NOT NULL,
    sha256        CHAR(64)       NOT NULL,
    exported_by   VARCHAR(64)    NOT NULL,
    exported_at   DATETIME(6)    NOT NULL,
    CONSTRAINT fk_payment_file_export_settlement FOREIGN KEY (settlement_id) REFERENCES settlement (id)
)${tableOptions};

CREATE INDEX ix_payment_file_export_settlement ON payment_file_export (settlement_id, exported_at);
