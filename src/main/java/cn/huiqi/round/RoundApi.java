package cn.huiqi.round;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request and response bodies of {@link RoundsController}. Dates are YYYY-MM-DD, Asia/Shanghai, inclusive. */
public final class RoundApi {

    private RoundApi() {
    }

    public record Listing(String user, boolean canManage, LocalDate today, List<MeasureRounds> measures) {
    }

    /** A measure that takes applications only inside a round's period, with its rounds (oldest first). */
    public record MeasureRounds(String measure, String clause, String nameZh, String nameEn, LocalDate policyValidTo,
                                List<RoundView> rounds) {
    }

    public record RoundView(long id, String measure, String name, LocalDate performanceFrom, LocalDate performanceTo,
                            LocalDate opensOn, LocalDate closesOn, String status, String statusZh, String statusEn,
                            Instant closedEarlyAt, String closedEarlyBy, String note, List<PinView> ruleVersions,
                            long cases, List<EventView> events, String createdBy, Instant createdAt, String updatedBy,
                            Instant updatedAt, long rowVersion) {
    }

    /** A round open today, as applicants see it (GET /api/rounds/open). */
    public record OpenRoundView(String measure, String name, LocalDate performanceFrom, LocalDate performanceTo,
                                LocalDate opensOn, LocalDate closesOn) {
    }

    public record PinView(String decisionKey, int version, String pinnedBy, Instant pinnedAt) {
    }

    public record EventView(String kind, String detail, String reason, String actor, Instant at) {
    }

    public record OpenRequest(String measure, String name, String performanceFrom, String performanceTo, String opensOn,
                              String closesOn, String note) {
    }

    public record ExtensionRequest(String closesOn, String reason) {
    }

    public record ClosureRequest(String reason) {
    }
}
