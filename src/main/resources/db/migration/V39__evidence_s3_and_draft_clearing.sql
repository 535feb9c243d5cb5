-- 申报材料 Evidence files (cn.huiqi.evidence, docs/evidence.md), issue 14 item 3:
-- 1. a third store for the bytes: S3 (an S3-compatible bucket, object key = prefix + 01/23/12345)
ALTER TABLE evidence_file DROP CONSTRAINT ck_evidence_file_store;
ALTER TABLE evidence_file ADD CONSTRAINT ck_evidence_file_store CHECK (store IN ('DATABASE', 'DIRECTORY', 'S3'));

-- 2. drafts never claimed by an application are deleted after huiqi.evidence.drafts.max-age (cn.huiqi.evidence.DraftClearing).
-- Every node schedules the run; the one whose conditional UPDATE of this single row succeeds does the work, the others
-- see a recent started_at and skip. No lock is held while the files are deleted.
CREATE TABLE evidence_draft_clearing (
    id          INT           NOT NULL PRIMARY KEY,
    started_at  DATETIME(6)   NOT NULL,
    started_by  VARCHAR(200),
    cleared     INT
)${tableOptions};

INSERT INTO evidence_draft_clearing (id, started_at) VALUES (1, TIMESTAMP '2000-01-01 00:00:00');

-- (the drafts are found by ix_evidence_file_case (case_id, uploaded_at) of V24)
