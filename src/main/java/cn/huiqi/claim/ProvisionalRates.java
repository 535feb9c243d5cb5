package cn.huiqi.claim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.huiqi.common.Label;
import cn.huiqi.process.EngineAsSystem;

/**
 * Whether a decided reward is provisional: the decision version that decided it uses rates the policy does not
 * publish, which the table marks as the system's labelled default ("系统默认值": M2 growth-reward, M3
 * investment-reward), and policy staff have not confirmed that version's rates yet (table rule_rate_confirmation,
 * V31). Until then every place that shows the figure says {@link #LABEL}.
 */
@Component
public class ProvisionalRates {

    public static final Label LABEL = Label.of("暂按系统默认比例计算，待政策部门确认",
            "Calculated at the system's default rate, awaiting confirmation by policy staff");
    /** How the tables mark a figure the policy does not publish (dmn/*.dmn descriptions). */
    public static final String DEFAULT_MARK = "系统默认值";

    /** A version's confirmation: by whom, when, with what note. */
    public record Confirmation(String key, int version, String definitionId, String note, String confirmedBy, Instant confirmedAt) {
    }

    private final RepositoryService repositoryService;
    private final EngineAsSystem system;
    private final JdbcTemplate jdbc;
    /** definition id → whether its XML marks labelled default rates (a deployed definition never changes). */
    private final Map<String, Boolean> marked = new ConcurrentHashMap<>();

    ProvisionalRates(RepositoryService repositoryService, EngineAsSystem system, JdbcTemplate jdbc) {
        this.repositoryService = repositoryService;
        this.system = system;
        this.jdbc = jdbc;
    }

    /**
     * Whether the decision definition's rates are labelled defaults of the system. A definition no longer deployed
     * (a deleted deployment, data from before a migration) is judged by the newest table of its key, if any.
     */
    public boolean usesDefaultRates(String key, String definitionId) {
        return definitionId != null && marked.computeIfAbsent(definitionId, id -> system.call(() -> {
            String deployed = repositoryService.createDecisionDefinitionQuery().decisionDefinitionId(id).count() > 0 ? id
                    : latestOf(key);
            if (deployed == null) {
                return false;
            }
            try (InputStream in = repositoryService.getDecisionModel(deployed)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(DEFAULT_MARK);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    private String latestOf(String key) {
        if (key == null) {
            return null;
        }
        var latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
        return latest == null ? null : latest.getId();
    }

    /** The claim's reward is a figure at a default rate nobody has confirmed. */
    public boolean isProvisional(RewardClaim claim) {
        return isProvisional(claim.getDecisionKey(), claim.getDecisionVersion(), claim.getDecisionDefinitionId(), claim.getRewardAmount());
    }

    public boolean isProvisional(String key, Integer version, String definitionId, BigDecimal amount) {
        return amount != null && amount.signum() > 0 && version != null && usesDefaultRates(key, definitionId)
                && confirmation(key, version).isEmpty();
    }

    public Optional<Confirmation> confirmation(String key, int version) {
        return jdbc.query("SELECT decision_key, version, definition_id, note, confirmed_by, confirmed_at FROM rule_rate_confirmation"
                        + " WHERE decision_key = ? AND version = ?",
                (rs, n) -> new Confirmation(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()), key, version).stream().findFirst();
    }

    /** Records policy staff's confirmation of a version's rates (the caller checks who may, and that it is not confirmed yet). */
    public Confirmation confirm(String key, int version, String definitionId, String note, String actor) {
        Instant now = Instant.now();
        jdbc.update("INSERT INTO rule_rate_confirmation (decision_key, version, definition_id, note, confirmed_by, confirmed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", key, version, definitionId, note, actor, Timestamp.from(now));
        return new Confirmation(key, version, definitionId, note, actor, now);
    }
}
