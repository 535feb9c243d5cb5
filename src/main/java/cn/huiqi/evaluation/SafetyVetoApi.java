package cn.huiqi.evaluation;

import java.time.Instant;

/** The safety veto's API records (/api/evaluations/vetoes). */
public final class SafetyVetoApi {

    private SafetyVetoApi() {
    }

    public record EnterRequest(Integer year, String unitId, String reason, String evidenceRef) {
    }

    public record RevokeRequest(String reason) {
    }

    /** A veto, in force or revoked; {@code reading} says how the system reads the clause it applies. */
    public record VetoView(long id, int year, String unitId, String unitName, String reason, String evidenceRef,
                           String enteredBy, Instant enteredAt, boolean inForce, String revokedBy, Instant revokedAt,
                           String revokeReason, String reading) {
    }
}
