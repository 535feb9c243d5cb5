package cn.huiqi.casefile;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.common.TransactionQueue;
import cn.huiqi.common.TransactionRows;

/**
 * Table case_record (with its review units in case_review_unit, V23). {@link #save} inserts a new case, or writes
 * what its mutators changed: one UPDATE of those columns, checked against {@code row_version}. Within a transaction
 * every read of a case answers the same object ({@link TransactionRows}): a lookup by id reads the row once.
 * <p>
 * A case the transaction inserted is seen by no other transaction until it commits, so what changes it then (its
 * number and process, its units, its status: the steps of a submission) waits for the commit: one UPDATE of every
 * changed column ({@link TransactionQueue}), written earlier only before a read of the table here; SQL of another class
 * that reads such a change within the opening transaction calls {@link #writeQueued()} first.
 */
@Repository
public class CaseRecordRepository {

    private static final String COLUMNS = "id, case_number, measure, applicant_kind, enterprise_id, project_id, applicant_unit_id, "
            + "applicant_key, locality_unit_id, subject_key, idempotency_key, process_instance_id, status, application_json, "
            + "review_units, lead_unit, finance_unit, submitted_by, submitted_at, updated_at, round_id, flag, row_version";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM case_record";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionRows<CaseRecord> rows = new TransactionRows<>();
    /** The cases the current transaction inserted. */
    private final TransactionRows<CaseRecord> inserted = new TransactionRows<>();
    /** Cases the current transaction inserted and changed since, to be written before it commits. */
    private final TransactionQueue<CaseRecord> changed = new TransactionQueue<>(this::writeChanges);

    CaseRecordRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public Optional<CaseRecord> findById(long id) {
        CaseRecord held = rows.get(id);
        return held != null ? Optional.of(held) : one(SELECT + " WHERE id = ?", id);
    }

    /** The cases of these ids that exist, in no particular order. */
    public List<CaseRecord> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        writeQueued();
        return named.query(SELECT + " WHERE id IN (:ids)", new MapSqlParameterSource("ids", Set.copyOf(ids)), this::held);
    }

    public List<CaseRecord> findAll() {
        writeQueued();
        return jdbc.query(SELECT + " ORDER BY id", this::held);
    }

    public long count() {
        writeQueued();
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class);
    }

    public Optional<CaseRecord> findByCaseNumber(String caseNumber) {
        return one(SELECT + " WHERE case_number = ?", caseNumber);
    }

    /** The case of this number, or a bilingual 404 naming it. */
    public CaseRecord getByCaseNumber(String caseNumber) {
        return findByCaseNumber(caseNumber).orElseThrow(() -> new NotFoundException("caseNumber",
                "案件 " + caseNumber + " 不存在", "Case " + caseNumber + " does not exist"));
    }

    public Optional<CaseRecord> findByProcessInstanceId(String processInstanceId) {
        return one(SELECT + " WHERE process_instance_id = ?", processInstanceId);
    }

    public Optional<CaseRecord> findByApplicantKeyAndIdempotencyKey(String applicantKey, String idempotencyKey) {
        return one(SELECT + " WHERE applicant_key = ? AND idempotency_key = ?", applicantKey, idempotencyKey);
    }

    public Optional<CaseRecord> findByMeasureAndApplicantKeyAndSubjectKey(String measure, String applicantKey, String subjectKey) {
        return one(SELECT + " WHERE measure = ? AND applicant_key = ? AND subject_key = ?", measure, applicantKey, subjectKey);
    }

    public List<CaseRecord> findByEnterpriseIdOrderBySubmittedAtDesc(Long enterpriseId) {
        writeQueued();
        return jdbc.query(SELECT + " WHERE enterprise_id = ? ORDER BY submitted_at DESC, id DESC", this::held, enterpriseId);
    }

    public List<CaseRecord> findByMeasureAndStatusOrderBySubmittedAtAsc(String measure, String status) {
        writeQueued();
        return jdbc.query(SELECT + " WHERE measure = ? AND status = ? ORDER BY submitted_at, id", this::held, measure, status);
    }

    /**
     * A new case (no id yet): inserted with row_version 0, its id set. Otherwise what changed since it was read: one
     * UPDATE of those columns unless nothing did; {@link OptimisticLockingFailureException} when the row has changed
     * meanwhile. Review units that changed are written to case_review_unit as well. Answers the same object. What
     * changes a case this transaction inserted is written as it commits (or before a read of the table).
     */
    public CaseRecord save(CaseRecord c) {
        if (c.getId() == null) {
            insert(c);
        } else if (!c.changes().isEmpty()) {
            if (insertedInThisTransaction(c)) {
                changed.add(c);
            } else {
                update(c);
            }
        }
        return c;
    }

    /**
     * Whether the current transaction inserted this case: until it commits no other transaction sees the case, so
     * whatever this transaction wrote about it (its timeline, its step clocks, ...) is all there is.
     */
    public boolean insertedInThisTransaction(CaseRecord c) {
        return c.getId() != null && inserted.get(c.getId()) == c;
    }

    /**
     * Copies a reward claim's amount to case_record.reward_amount, the case list's sort key (V60; the claim stays the
     * record): with the other changes of a case this transaction inserted, otherwise at once. Not a change of the case:
     * no row_version, no updated_at, so it conflicts with no one's edit of the case.
     */
    public void writeRewardAmount(long caseId, BigDecimal amount) {
        CaseRecord opened = inserted.get(caseId);
        if (opened != null) {
            opened.copyRewardAmount(amount);
            changed.add(opened);
        } else {
            jdbc.update("UPDATE case_record SET reward_amount = ? WHERE id = ?", amount, caseId);
        }
    }

    /** Writes the changes of the cases this transaction inserted so far: before SQL of another class that reads them. */
    public void writeQueued() {
        changed.flush();
    }

    /** One UPDATE per case of what changed since it was last written (a case saved several times is queued as often). */
    private void writeChanges(List<CaseRecord> queued) {
        for (CaseRecord c : new java.util.LinkedHashSet<>(queued)) {
            if (!c.changes().isEmpty()) {
                update(c);
            }
        }
    }

    private void insert(CaseRecord c) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO case_record (case_number, measure, applicant_kind, enterprise_id, "
                    + "project_id, applicant_unit_id, applicant_key, locality_unit_id, subject_key, idempotency_key, process_instance_id, "
                    + "status, application_json, review_units, lead_unit, finance_unit, submitted_by, submitted_at, updated_at, round_id, "
                    + "flag, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", new String[] {"id"});
            insert.setString(1, c.getCaseNumber());
            insert.setString(2, c.getMeasure());
            insert.setString(3, c.getApplicantKind().name());
            insert.setObject(4, c.getEnterpriseId());
            insert.setObject(5, c.getProjectId());
            insert.setString(6, c.getApplicantUnitId());
            insert.setString(7, c.applicantKey());
            insert.setString(8, c.getLocalityUnitId());
            insert.setString(9, c.getSubjectKey());
            insert.setString(10, c.getIdempotencyKey());
            insert.setString(11, c.getProcessInstanceId());
            insert.setString(12, c.getStatus());
            insert.setString(13, c.getApplicationJson());
            insert.setString(14, c.reviewUnitsColumn());
            insert.setString(15, c.getLeadUnit());
            insert.setString(16, c.getFinanceUnit());
            insert.setString(17, c.getSubmittedBy());
            insert.setTimestamp(18, timestamp(c.getSubmittedAt()));
            insert.setTimestamp(19, timestamp(c.getUpdatedAt()));
            insert.setObject(20, c.getRoundId());
            insert.setString(21, c.getFlag());
            return insert;
        }, key);
        long id = key.getKey().longValue();
        insertReviewUnits(id, c.getReviewUnits());
        c.inserted(id);
        rows.put(id, c);
        inserted.put(id, c);
    }

    private void update(CaseRecord c) {
        List<String> set = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        boolean touched = false;
        for (CaseRecord.Change change : c.changes()) {
            switch (change) {
                case CASE_NUMBER -> column(set, args, "case_number", c.getCaseNumber());
                case PROCESS_INSTANCE_ID -> column(set, args, "process_instance_id", c.getProcessInstanceId());
                case ROUND_ID -> column(set, args, "round_id", c.getRoundId());
                case REWARD_AMOUNT -> column(set, args, "reward_amount", c.rewardAmountColumn());
                case STATUS -> column(set, args, "status", c.getStatus());
                case FLAG -> column(set, args, "flag", c.getFlag());
                case SUBJECT_KEY -> column(set, args, "subject_key", c.getSubjectKey());
                case APPLICATION_JSON -> column(set, args, "application_json", c.getApplicationJson());
                case RESPONSIBLE_UNITS -> {
                    column(set, args, "review_units", c.reviewUnitsColumn());
                    column(set, args, "lead_unit", c.getLeadUnit());
                    column(set, args, "finance_unit", c.getFinanceUnit());
                }
            }
            touched |= change != CaseRecord.Change.CASE_NUMBER && change != CaseRecord.Change.PROCESS_INSTANCE_ID
                    && change != CaseRecord.Change.ROUND_ID && change != CaseRecord.Change.REWARD_AMOUNT;
        }
        if (touched) {
            column(set, args, "updated_at", timestamp(c.getUpdatedAt()));
        }
        args.add(c.getId());
        args.add(c.rowVersion());
        int updated = jdbc.update("UPDATE case_record SET " + String.join(", ", set) + ", row_version = row_version + 1"
                + " WHERE id = ? AND row_version = ?", args.toArray());
        if (updated != 1) {
            throw new OptimisticLockingFailureException("case " + c.getCaseNumber() + " (id " + c.getId() + ") was changed or removed"
                    + " since it was read (row_version " + c.rowVersion() + ")");
        }
        Set<String> written = c.reviewUnitRowsWritten();
        if (written != null) {
            Set<String> now = Set.copyOf(c.getReviewUnits());
            Set<String> removed = new HashSet<>(written);
            removed.removeAll(now);
            if (!removed.isEmpty()) {
                named.update("DELETE FROM case_review_unit WHERE case_id = :caseId AND unit_id IN (:units)",
                        new MapSqlParameterSource("caseId", c.getId()).addValue("units", removed));
            }
            insertReviewUnits(c.getId(), c.getReviewUnits().stream().filter(unit -> !written.contains(unit)).distinct().toList());
        }
        c.updated();
        rows.put(c.getId(), c);
    }

    private void insertReviewUnits(long caseId, List<String> units) {
        List<String> distinct = units.stream().distinct().toList();
        if (!distinct.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO case_review_unit (case_id, unit_id) VALUES (?, ?)",
                    distinct.stream().map(unit -> new Object[] {caseId, unit}).toList());
        }
    }

    private static void column(List<String> set, List<Object> args, String column, Object value) {
        set.add(column + " = ?");
        args.add(value);
    }

    private Optional<CaseRecord> one(String sql, Object... args) {
        writeQueued();
        List<CaseRecord> found = jdbc.query(sql, this::held, args);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The row's object: the one this transaction already holds for it, if any. */
    private CaseRecord held(ResultSet rs, int rowNum) throws SQLException {
        CaseRecord held = rows.get(rs.getLong("id"));
        return held != null ? held : rows.keep(rs.getLong("id"), row(rs, rowNum));
    }

    private static CaseRecord row(ResultSet rs, int rowNum) throws SQLException {
        return new CaseRecord(rs.getLong("id"), rs.getString("case_number"), rs.getString("measure"),
                ApplicantKind.valueOf(rs.getString("applicant_kind")), rs.getObject("enterprise_id", Long.class),
                rs.getObject("project_id", Long.class), rs.getString("applicant_unit_id"), rs.getString("applicant_key"),
                rs.getString("locality_unit_id"), rs.getString("subject_key"), rs.getString("idempotency_key"),
                rs.getString("process_instance_id"), rs.getString("status"), rs.getString("application_json"),
                rs.getString("review_units"), rs.getString("lead_unit"), rs.getString("finance_unit"), rs.getString("submitted_by"),
                instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("updated_at")), rs.getObject("round_id", Long.class),
                rs.getString("flag"), rs.getLong("row_version"));
    }
}
