package cn.huiqi.financing;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tables financing_consent (one row per demand, the consent as it stands) and financing_consent_institution (the
 * institutions a CHOSEN consent names), read together in one statement.
 */
@Repository
class ConsentRepository {

    private final JdbcTemplate jdbc;

    ConsentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Consent> findById(long caseId) {
        return Optional.ofNullable(jdbc.query("SELECT c.audience, c.fields, c.given_by, c.given_at, c.revoked_by, c.revoked_at, i.institution"
                + " FROM financing_consent c LEFT JOIN financing_consent_institution i ON i.case_id = c.case_id"
                + " WHERE c.case_id = ? ORDER BY i.institution", rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    Audience audience = Audience.valueOf(rs.getString("audience"));
                    String fields = rs.getString("fields");
                    String givenBy = rs.getString("given_by");
                    Instant givenAt = instant(rs, "given_at");
                    String revokedBy = rs.getString("revoked_by");
                    Instant revokedAt = instant(rs, "revoked_at");
                    Set<String> institutions = new LinkedHashSet<>();
                    do {
                        String institution = rs.getString("institution");
                        if (institution != null) {
                            institutions.add(institution);
                        }
                    } while (rs.next());
                    return new Consent(caseId, audience, fields, institutions, givenBy, givenAt, revokedBy, revokedAt);
                }, caseId));
    }

    /** The demand's first consent. */
    void insert(Consent consent) {
        jdbc.update("INSERT INTO financing_consent (case_id, audience, fields, given_by, given_at, revoked_by, revoked_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", consent.getCaseId(), consent.getAudience().name(), consent.getFields(),
                consent.getGivenBy(), timestamp(consent.getGivenAt()), consent.getRevokedBy(), timestamp(consent.getRevokedAt()));
        insertInstitutions(consent);
    }

    /** A consent given again (changed): its row and its chosen institutions, replaced. */
    void update(Consent consent) {
        jdbc.update("UPDATE financing_consent SET audience = ?, fields = ?, given_by = ?, given_at = ?, revoked_by = ?, revoked_at = ?"
                        + " WHERE case_id = ?", consent.getAudience().name(), consent.getFields(), consent.getGivenBy(),
                timestamp(consent.getGivenAt()), consent.getRevokedBy(), timestamp(consent.getRevokedAt()), consent.getCaseId());
        jdbc.update("DELETE FROM financing_consent_institution WHERE case_id = ?", consent.getCaseId());
        insertInstitutions(consent);
    }

    /** A revocation: who and when, the rest of the consent stays as it was given. */
    void updateRevocation(Consent consent) {
        jdbc.update("UPDATE financing_consent SET revoked_by = ?, revoked_at = ? WHERE case_id = ?", consent.getRevokedBy(),
                timestamp(consent.getRevokedAt()), consent.getCaseId());
    }

    private void insertInstitutions(Consent consent) {
        Set<String> institutions = consent.getInstitutions();
        if (institutions.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        institutions.forEach(institution -> {
            args.add(consent.getCaseId());
            args.add(institution);
        });
        jdbc.update("INSERT INTO financing_consent_institution (case_id, institution) VALUES "
                + String.join(", ", Collections.nCopies(institutions.size(), "(?, ?)")), args.toArray());
    }
}
