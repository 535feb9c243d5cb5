package cn.huiqi.assistance;

import static cn.huiqi.common.SqlValues.enumOf;
import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.name;
import static cn.huiqi.common.SqlValues.nullableBoolean;
import static cn.huiqi.common.SqlValues.nullableInt;
import static cn.huiqi.common.SqlValues.nullableLong;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Table assistance_demand (V45). The case id is assigned (the case record's), so a demand is inserted once by
 * {@link DemandIntake} and updated after that; every update checks and bumps {@code version}.
 */
@Component
class DemandRepository {

    private static final String COLUMNS = "case_id, origin, category, scope, utility, title, description, visit_id, hotline_ticket, "
            + "routing_version, responsible_unit, coordinated_by_gxj, accept_days, handling_days, extension_days, revisit_days, "
            + "silence_means, transferred, extended, reopened, merged_into, decline_reason, reply_outcome, reply_text, rating, "
            + "rating_by_silence, reported_upward, upward_to, upward_ref, submitted_at, accepted_at, replied_at, closed_at, "
            + "accepted_on_time, replied_on_time, version";

    /** Every column a setter changes; origin, title, description and submitted_at are written once. */
    private static final String CHANGING = "category = :category, scope = :scope, utility = :utility, visit_id = :visitId, "
            + "hotline_ticket = :hotlineTicket, routing_version = :routingVersion, responsible_unit = :responsibleUnit, "
            + "coordinated_by_gxj = :coordinatedByGxj, accept_days = :acceptDays, handling_days = :handlingDays, "
            + "extension_days = :extensionDays, revisit_days = :revisitDays, silence_means = :silenceMeans, "
            + "transferred = :transferred, extended = :extended, reopened = :reopened, merged_into = :mergedInto, "
            + "decline_reason = :declineReason, reply_outcome = :replyOutcome, reply_text = :replyText, rating = :rating, "
            + "rating_by_silence = :ratingBySilence, reported_upward = :reportedUpward, upward_to = :upwardTo, "
            + "upward_ref = :upwardRef, accepted_at = :acceptedAt, replied_at = :repliedAt, closed_at = :closedAt, "
            + "accepted_on_time = :acceptedOnTime, replied_on_time = :repliedOnTime";

    private final NamedParameterJdbcTemplate jdbc;

    DemandRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Demand> findById(long caseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM assistance_demand WHERE case_id = :caseId", Map.of("caseId", caseId),
                DemandRepository::row).stream().findFirst();
    }

    /** The tickets among these that were imported already (hotline_ticket is unique). */
    Set<String> importedTickets(Collection<String> tickets) {
        if (tickets.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT hotline_ticket FROM assistance_demand WHERE hotline_ticket IN (:tickets)",
                Map.of("tickets", tickets), String.class));
    }

    /** The case numbers of the demands a visit found, in case id order. */
    List<String> caseNumbersOfVisit(long visitId) {
        return jdbc.queryForList("SELECT c.case_number FROM assistance_demand d JOIN case_record c ON c.id = d.case_id"
                + " WHERE d.visit_id = :visitId ORDER BY d.case_id", Map.of("visitId", visitId), String.class);
    }

    /** A new demand, at version 0. */
    void insert(Demand demand) {
        jdbc.update("INSERT INTO assistance_demand (" + COLUMNS + ") VALUES (:caseId, :origin, :category, :scope, :utility, :title, "
                + ":description, :visitId, :hotlineTicket, :routingVersion, :responsibleUnit, :coordinatedByGxj, :acceptDays, "
                + ":handlingDays, :extensionDays, :revisitDays, :silenceMeans, :transferred, :extended, :reopened, :mergedInto, "
                + ":declineReason, :replyOutcome, :replyText, :rating, :ratingBySilence, :reportedUpward, :upwardTo, :upwardRef, "
                + ":submittedAt, :acceptedAt, :repliedAt, :closedAt, :acceptedOnTime, :repliedOnTime, 0)", values(demand));
        demand.setVersion(0);
    }

    /**
     * Writes the demand's changing columns over the version it was read at; a row changed since (or gone) is an
     * {@link OptimisticLockingFailureException} and nothing is written.
     */
    void update(Demand demand) {
        int updated = jdbc.update("UPDATE assistance_demand SET " + CHANGING + ", version = version + 1"
                + " WHERE case_id = :caseId AND version = :version", values(demand).addValue("version", demand.getVersion()));
        if (updated != 1) {
            throw new OptimisticLockingFailureException("assistance_demand " + demand.getCaseId() + " changed since version "
                    + demand.getVersion() + " was read");
        }
        demand.setVersion(demand.getVersion() + 1);
    }

    private static MapSqlParameterSource values(Demand d) {
        return new MapSqlParameterSource()
                .addValue("caseId", d.getCaseId())
                .addValue("origin", name(d.getOrigin()))
                .addValue("category", name(d.getCategory()))
                .addValue("scope", name(d.getScope()))
                .addValue("utility", name(d.getUtility()))
                .addValue("title", d.getTitle())
                .addValue("description", d.getDescription())
                .addValue("visitId", d.getVisitId())
                .addValue("hotlineTicket", d.getHotlineTicket())
                .addValue("routingVersion", d.getRoutingVersion())
                .addValue("responsibleUnit", d.getResponsibleUnit())
                .addValue("coordinatedByGxj", d.isCoordinatedByGxj())
                .addValue("acceptDays", d.getAcceptDays())
                .addValue("handlingDays", d.getHandlingDays())
                .addValue("extensionDays", d.getExtensionDays())
                .addValue("revisitDays", d.getRevisitDays())
                .addValue("silenceMeans", d.getSilenceMeans())
                .addValue("transferred", d.isTransferred())
                .addValue("extended", d.isExtended())
                .addValue("reopened", d.isReopened())
                .addValue("mergedInto", d.getMergedInto())
                .addValue("declineReason", d.getDeclineReason())
                .addValue("replyOutcome", name(d.getReplyOutcome()))
                .addValue("replyText", d.getReplyText())
                .addValue("rating", name(d.getRating()))
                .addValue("ratingBySilence", d.isRatingBySilence())
                .addValue("reportedUpward", d.isReportedUpward())
                .addValue("upwardTo", d.getUpwardTo())
                .addValue("upwardRef", d.getUpwardRef())
                .addValue("submittedAt", timestamp(d.getSubmittedAt()))
                .addValue("acceptedAt", timestamp(d.getAcceptedAt()))
                .addValue("repliedAt", timestamp(d.getRepliedAt()))
                .addValue("closedAt", timestamp(d.getClosedAt()))
                .addValue("acceptedOnTime", d.getAcceptedOnTime())
                .addValue("repliedOnTime", d.getRepliedOnTime());
    }

    private static Demand row(ResultSet rs, int n) throws SQLException {
        Demand d = new Demand(rs.getLong("case_id"), enumOf(DemandOrigin.class, rs.getString("origin")),
                enumOf(DemandCategory.class, rs.getString("category")), enumOf(DemandScope.class, rs.getString("scope")),
                enumOf(Utility.class, rs.getString("utility")), rs.getString("title"), rs.getString("description"),
                instant(rs, "submitted_at"));
        d.setVisitId(nullableLong(rs, "visit_id"));
        d.setHotlineTicket(rs.getString("hotline_ticket"));
        d.setRoutingVersion(nullableInt(rs, "routing_version"));
        d.setResponsibleUnit(rs.getString("responsible_unit"));
        d.setCoordinatedByGxj(rs.getBoolean("coordinated_by_gxj"));
        d.setAcceptDays(nullableInt(rs, "accept_days"));
        d.setHandlingDays(nullableInt(rs, "handling_days"));
        d.setExtensionDays(nullableInt(rs, "extension_days"));
        d.setRevisitDays(nullableInt(rs, "revisit_days"));
        d.setSilenceMeans(rs.getString("silence_means"));
        d.setTransferred(rs.getBoolean("transferred"));
        d.setExtended(rs.getBoolean("extended"));
        d.setReopened(rs.getBoolean("reopened"));
        d.setMergedInto(nullableLong(rs, "merged_into"));
        d.setDeclineReason(rs.getString("decline_reason"));
        d.setReplyOutcome(enumOf(ReplyOutcome.class, rs.getString("reply_outcome")));
        d.setReplyText(rs.getString("reply_text"));
        d.setRating(enumOf(Rating.class, rs.getString("rating")));
        d.setRatingBySilence(rs.getBoolean("rating_by_silence"));
        d.setReportedUpward(rs.getBoolean("reported_upward"));
        d.setUpwardTo(rs.getString("upward_to"));
        d.setUpwardRef(rs.getString("upward_ref"));
        d.setAcceptedAt(instant(rs, "accepted_at"));
        d.setRepliedAt(instant(rs, "replied_at"));
        d.setClosedAt(instant(rs, "closed_at"));
        d.setAcceptedOnTime(nullableBoolean(rs, "accepted_on_time"));
        d.setRepliedOnTime(nullableBoolean(rs, "replied_on_time"));
        d.setVersion(rs.getLong("version"));
        return d;
    }
}
