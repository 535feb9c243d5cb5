package cn.huiqi.claim;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.huiqi.common.TransactionQueue;
import cn.huiqi.common.TransactionRows;

/**
 * Table reward_claim (id = its case's id, assigned: a claim is inserted once, at its case's opening, then updated).
 * Within a transaction every read of a claim answers the same object ({@link TransactionRows}). A new claim is inserted
 * at its first save (with what was recorded on it since: a submission's decision), or before the transaction commits,
 * or before any other statement here ({@link TransactionQueue}); rows that refer to a claim (fund entries, settlement
 * lines) follow a decision on it, a save.
 */
@Repository
class RewardClaimRepository {

    /**
     * The claim's row, and the version its case's round pins for its decision table (round.RoundPins' table, by the
     * case's round_id), read with it: the locality's confirmation of the submission's decision compares the two.
     */
    private static final String SELECT = "SELECT case_id, claimed_amount, eligible, reward_amount, reward_tier, decision_key, "
            + "decision_version, decision_definition_id, outcome_reason, settled_amount, payment_reference, payment_date, payee_kind, "
            + "payee_enterprise_id, payee_unit_id, updated_at, row_version, decided_at_submission, "
            + "(SELECT p.version FROM case_record c JOIN round_rule_version p ON p.round_id = c.round_id "
            + "AND p.decision_key = reward_claim.decision_key WHERE c.id = reward_claim.case_id) AS round_pinned_version FROM reward_claim";

    private final JdbcTemplate jdbc;
    private final TransactionRows<RewardClaim> rows = new TransactionRows<>();
    private final TransactionQueue<RewardClaim> opened = new TransactionQueue<>(claims -> claims.forEach(this::insertNow));

    RewardClaimRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new claim, row_version 0: written as the transaction commits, or earlier (see the class). */
    void insert(RewardClaim c) {
        rows.put(c.getCaseId(), c);
        opened.add(c);
    }

    private void insertNow(RewardClaim c) {
        jdbc.update("INSERT INTO reward_claim (case_id, claimed_amount, eligible, reward_amount, reward_tier, decision_key, decision_version, "
                        + "decision_definition_id, outcome_reason, settled_amount, payment_reference, payment_date, payee_kind, payee_enterprise_id, "
                        + "payee_unit_id, updated_at, decided_at_submission, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                c.getCaseId(), c.getClaimedAmount(), c.getEligible(), c.getRewardAmount(), c.getRewardTier(), c.getDecisionKey(),
                c.getDecisionVersion(), c.getDecisionDefinitionId(), c.getOutcomeReason(), c.getSettledAmount(), c.getPaymentReference(),
                date(c), c.getPayeeKind().name(), c.getPayeeEnterpriseId(), c.getPayeeUnitId(), Timestamp.from(c.getUpdatedAt()),
                c.isDecidedAtSubmission());
        c.inserted();
    }

    /**
     * One UPDATE of the columns the claim's {@code record…} methods changed (none: no statement), checked against
     * row_version: {@link OptimisticLockingFailureException} when the row changed meanwhile.
     */
    void update(RewardClaim c) {
        opened.flush(); // a new claim: inserted with what was recorded on it, nothing left to update
        if (c.changes().isEmpty()) {
            return;
        }
        List<String> set = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (RewardClaim.Change change : c.changes()) {
            switch (change) {
                case DECISION -> {
                    set.add("decision_key = ?, decision_version = ?, decision_definition_id = ?, eligible = ?, reward_amount = ?, "
                            + "reward_tier = ?, outcome_reason = ?, decided_at_submission = ?");
                    args.addAll(Arrays.asList(c.getDecisionKey(), c.getDecisionVersion(), c.getDecisionDefinitionId(),
                            c.getEligible(), c.getRewardAmount(), c.getRewardTier(), c.getOutcomeReason(), c.isDecidedAtSubmission()));
                }
                case REWARD_AMOUNT -> {
                    // written with DECISION
                }
                case OUTCOME_REASON -> {
                    if (!c.changes().contains(RewardClaim.Change.DECISION)) {
                        set.add("outcome_reason = ?");
                        args.add(c.getOutcomeReason());
                    }
                }
                case SETTLEMENT -> {
                    set.add("settled_amount = ?");
                    args.add(c.getSettledAmount());
                }
                case PAYMENT -> {
                    set.add("payment_reference = ?, payment_date = ?");
                    args.add(c.getPaymentReference());
                    args.add(date(c));
                }
            }
        }
        args.add(Timestamp.from(c.getUpdatedAt()));
        args.add(c.getCaseId());
        args.add(c.rowVersion());
        int updated = jdbc.update("UPDATE reward_claim SET " + String.join(", ", set) + ", updated_at = ?, row_version = row_version + 1"
                + " WHERE case_id = ? AND row_version = ?", args.toArray());
        if (updated != 1) {
            throw new OptimisticLockingFailureException("reward claim " + c.getCaseId() + " was changed or removed since it was read"
                    + " (row_version " + c.rowVersion() + ")");
        }
        c.updated();
        rows.put(c.getCaseId(), c);
    }

    Optional<RewardClaim> findById(long caseId) {
        RewardClaim held = rows.get(caseId);
        if (held != null) {
            return Optional.of(held);
        }
        opened.flush();
        List<RewardClaim> found = jdbc.query(SELECT + " WHERE case_id = ?", RewardClaimRepository::row, caseId);
        return found.isEmpty() ? Optional.empty() : Optional.of(rows.keep(caseId, found.get(0)));
    }

    /** Whether this transaction has read (or written) the claim already. */
    boolean held(long caseId) {
        return rows.get(caseId) != null;
    }

    boolean existsById(long caseId) {
        if (rows.get(caseId) != null) {
            return true;
        }
        opened.flush();
        return !jdbc.queryForList("SELECT 1 FROM reward_claim WHERE case_id = ?", Integer.class, caseId).isEmpty();
    }

    /** The measure of the claim's case. */
    Optional<String> measureOf(long claimId) {
        opened.flush();
        return jdbc.queryForList("SELECT c.measure FROM case_record c JOIN reward_claim r ON r.case_id = c.id WHERE r.case_id = ?",
                String.class, claimId).stream().findFirst();
    }

    /** Ids of the claims a decision decided, any version (version null) or one. */
    List<Long> decidedBy(String decisionKey, Integer version) {
        opened.flush();
        return version == null
                ? jdbc.queryForList("SELECT case_id FROM reward_claim WHERE decision_key = ?", Long.class, decisionKey)
                : jdbc.queryForList("SELECT case_id FROM reward_claim WHERE decision_key = ? AND decision_version = ?", Long.class,
                        decisionKey, version);
    }

    private static Date date(RewardClaim c) {
        return c.getPaymentDate() == null ? null : Date.valueOf(c.getPaymentDate());
    }

    private static RewardClaim row(ResultSet rs, int rowNum) throws SQLException {
        return new RewardClaim(rs.getLong("case_id"), rs.getBigDecimal("claimed_amount"), rs.getObject("eligible", Boolean.class),
                rs.getBigDecimal("reward_amount"), rs.getString("reward_tier"), rs.getString("decision_key"),
                rs.getObject("decision_version", Integer.class), rs.getString("decision_definition_id"), rs.getString("outcome_reason"),
                rs.getBigDecimal("settled_amount"), rs.getString("payment_reference"), rs.getObject("payment_date", LocalDate.class),
                RewardClaim.PayeeKind.valueOf(rs.getString("payee_kind")), rs.getObject("payee_enterprise_id", Long.class),
                rs.getString("payee_unit_id"), rs.getTimestamp("updated_at").toInstant(), rs.getLong("row_version"),
                rs.getBoolean("decided_at_submission"), rs.getObject("round_pinned_version", Integer.class));
    }
}
