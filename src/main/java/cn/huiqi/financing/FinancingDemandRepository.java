package cn.huiqi.financing;

import static cn.huiqi.common.SqlValues.date;
import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.localDate;
import static cn.huiqi.common.SqlValues.name;
import static cn.huiqi.common.SqlValues.placeholders;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table financing_demand (V47): one row per measure 8 case, its version checked on every update. */
@Repository
class FinancingDemandRepository {

    private static final String SELECT = "SELECT case_id, enterprise_id, locality, screening_unit, amount, term_months, purpose,"
            + " guarantee_kind, order_case_id, order_buyer, order_amount, order_due_on, status, screening_reason, submitted_at,"
            + " published_at, publication_due_at, publications, accepted_take_up, granted_amount, granted_on, coordination_outcome,"
            + " coordination_reason, coordinated_at, closed_at, version FROM financing_demand";

    private final JdbcTemplate jdbc;

    FinancingDemandRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FinancingDemand d) {
        jdbc.update("INSERT INTO financing_demand (case_id, enterprise_id, locality, screening_unit, amount, term_months, purpose,"
                        + " guarantee_kind, order_case_id, order_buyer, order_amount, order_due_on, status, screening_reason, submitted_at,"
                        + " published_at, publication_due_at, publications, accepted_take_up, granted_amount, granted_on,"
                        + " coordination_outcome, coordination_reason, coordinated_at, closed_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                d.getCaseId(), d.getEnterpriseId(), d.getLocality(), d.getScreeningUnit(), d.getAmount(), d.getTermMonths(), d.getPurpose(),
                name(d.getGuaranteeKind()), d.getOrderCaseId(), d.getOrderBuyer(), d.getOrderAmount(), date(d.getOrderDueOn()),
                name(d.getStatus()), d.getScreeningReason(), timestamp(d.getSubmittedAt()), timestamp(d.getPublishedAt()),
                timestamp(d.getPublicationDueAt()), d.getPublications(), d.getAcceptedTakeUp(), d.getGrantedAmount(), date(d.getGrantedOn()),
                name(d.getCoordinationOutcome()), d.getCoordinationReason(), timestamp(d.getCoordinatedAt()), timestamp(d.getClosedAt()));
    }

    /** Writes every column a demand's steps change; another transaction's write since this one read it fails it. */
    void update(FinancingDemand d) {
        int updated = jdbc.update("UPDATE financing_demand SET amount = ?, term_months = ?, purpose = ?, guarantee_kind = ?, order_case_id = ?,"
                        + " order_buyer = ?, order_amount = ?, order_due_on = ?, status = ?, screening_reason = ?, published_at = ?,"
                        + " publication_due_at = ?, publications = ?, accepted_take_up = ?, granted_amount = ?, granted_on = ?,"
                        + " coordination_outcome = ?, coordination_reason = ?, coordinated_at = ?, closed_at = ?, version = version + 1"
                        + " WHERE case_id = ? AND version = ?",
                d.getAmount(), d.getTermMonths(), d.getPurpose(), name(d.getGuaranteeKind()), d.getOrderCaseId(), d.getOrderBuyer(),
                d.getOrderAmount(), date(d.getOrderDueOn()), name(d.getStatus()), d.getScreeningReason(), timestamp(d.getPublishedAt()),
                timestamp(d.getPublicationDueAt()), d.getPublications(), d.getAcceptedTakeUp(), d.getGrantedAmount(), date(d.getGrantedOn()),
                name(d.getCoordinationOutcome()), d.getCoordinationReason(), timestamp(d.getCoordinatedAt()), timestamp(d.getClosedAt()),
                d.getCaseId(), d.getVersion());
        if (updated == 0) {
            throw new OptimisticLockingFailureException("financing demand " + d.getCaseId() + " changed since it was read (version "
                    + d.getVersion() + ")");
        }
        d.versionWritten();
    }

    Optional<FinancingDemand> findById(long caseId) {
        return jdbc.query(SELECT + " WHERE case_id = ?", FinancingDemandRepository::row, caseId).stream().findFirst();
    }

    /** The demand row locked for the rest of the transaction: take-ups of one demand queue behind each other. */
    Optional<FinancingDemand> lockById(long caseId) {
        return jdbc.query(SELECT + " WHERE case_id = ? FOR UPDATE", FinancingDemandRepository::row, caseId).stream().findFirst();
    }

    List<FinancingDemand> findAllOrderByCaseIdDesc() {
        return jdbc.query(SELECT + " ORDER BY case_id DESC", FinancingDemandRepository::row);
    }

    List<FinancingDemand> findByEnterpriseIdAndStatusInOrderByCaseId(long enterpriseId, Collection<FinancingStatus> statuses) {
        List<Object> args = new ArrayList<>();
        args.add(enterpriseId);
        statuses.forEach(s -> args.add(s.name()));
        return jdbc.query(SELECT + " WHERE enterprise_id = ? AND status IN (" + placeholders(statuses) + ") ORDER BY case_id",
                FinancingDemandRepository::row, args.toArray());
    }

    List<FinancingDemand> findByStatusInOrderByPublishedAtDesc(Collection<FinancingStatus> statuses) {
        return jdbc.query(SELECT + " WHERE status IN (" + placeholders(statuses) + ") ORDER BY published_at DESC",
                FinancingDemandRepository::row, statuses.stream().map(Enum::name).toArray());
    }

    private static FinancingDemand row(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("coordination_outcome");
        DemandTerms terms = new DemandTerms(rs.getBigDecimal("amount"), rs.getInt("term_months"), rs.getString("purpose"),
                GuaranteeKind.valueOf(rs.getString("guarantee_kind")), rs.getObject("order_case_id", Long.class), rs.getString("order_buyer"),
                rs.getBigDecimal("order_amount"), localDate(rs, "order_due_on"));
        return new FinancingDemand(rs.getLong("case_id"), rs.getLong("enterprise_id"), rs.getString("locality"),
                rs.getString("screening_unit"), terms, FinancingStatus.valueOf(rs.getString("status")), rs.getString("screening_reason"),
                instant(rs, "submitted_at"), instant(rs, "published_at"), instant(rs, "publication_due_at"), rs.getInt("publications"),
                rs.getObject("accepted_take_up", Long.class), rs.getBigDecimal("granted_amount"), localDate(rs, "granted_on"),
                outcome == null ? null : CoordinationOutcome.valueOf(outcome), rs.getString("coordination_reason"),
                instant(rs, "coordinated_at"), instant(rs, "closed_at"), rs.getLong("version"));
    }
}
