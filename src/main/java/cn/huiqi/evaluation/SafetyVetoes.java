package cn.huiqi.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;
import cn.huiqi.identity.SecurityLog;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * Measure 6's safety veto ("在保障生产安全的前提下", read by the system as: a 重特大安全生产事故 in the year → still ranked,
 * no award; {@link EvaluationRanking#VETO_READING}). Only 市工信局 (gxj) reads, enters and revokes, each with a reason
 * (and an evidence reference on entry); nothing is deleted (table evaluation_safety_veto, V36).
 */
@Component
public class SafetyVetoes {

    static final int FIRST_YEAR = 2023;
    static final int LAST_YEAR = 2099;

    private final JdbcTemplate jdbc;
    private final CurrentCaller currentCaller;
    private final UnitRepository units;
    private final Clock clock;

    SafetyVetoes(JdbcTemplate jdbc, CurrentCaller currentCaller, UnitRepository units, Clock clock) {
        this.jdbc = jdbc;
        this.currentCaller = currentCaller;
        this.units = units;
        this.clock = clock;
    }

    /** The localities vetoed for {@code year} (vetoes in force). For the ranking of a measure that has the veto. */
    @Transactional(readOnly = true)
    public Set<String> vetoedIn(int year) {
        return new HashSet<>(jdbc.queryForList("SELECT unit_id FROM evaluation_safety_veto WHERE evaluation_year = ? AND revoked_at IS NULL",
                String.class, year));
    }

    @Transactional(readOnly = true)
    public List<SafetyVetoApi.VetoView> list(Integer year) {
        gxj();
        if (year != null) {
            checkYear(year);
        }
        return year == null
                ? jdbc.query("SELECT * FROM evaluation_safety_veto ORDER BY evaluation_year DESC, id DESC", (row, n) -> view(row))
                : jdbc.query("SELECT * FROM evaluation_safety_veto WHERE evaluation_year = ? ORDER BY id DESC", (row, n) -> view(row), year);
    }

    @Transactional
    public SafetyVetoApi.VetoView enter(SafetyVetoApi.EnterRequest request) {
        Caller caller = gxj();
        SafetyVetoApi.EnterRequest r = request == null ? new SafetyVetoApi.EnterRequest(null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        if (r.year() == null) {
            checks.add("year", "年度不能为空", "The year is required");
        } else if (r.year() < FIRST_YEAR || r.year() > LAST_YEAR) {
            checks.add("year", "年度须在" + FIRST_YEAR + "至" + LAST_YEAR + "之间", "The year must be between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        String unitId = checks.asciiToken("unitId", r.unitId(), "属地单位", "Locality", 32);
        if (unitId != null && units.findById(unitId).filter(Unit::isLocality).isEmpty()) {
            checks.add("unitId", "“" + unitId + "”不是属地单位", "\"" + unitId + "\" is not a locality");
        }
        String reason = checks.requiredText("reason", r.reason(), "否决理由（事故情况）", "Reason (the accident)", 500);
        String evidence = checks.requiredText("evidenceRef", r.evidenceRef(), "证明材料（文号或材料编号）", "Evidence reference", 200);
        if (evidence != null && evidence.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            checks.add("evidenceRef", "证明材料（文号或材料编号）只能是一行", "The evidence reference must be a single line");
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        try {
            jdbc.update("INSERT INTO evaluation_safety_veto (evaluation_year, unit_id, active_unit, reason, evidence_ref, entered_by, entered_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", r.year(), unitId, unitId, reason, evidence, caller.userId(), Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw alreadyVetoed(r.year(), unitId);
        }
        SecurityLog.event("EVALUATION_VETO_ENTERED", caller.userId(), "year=" + r.year() + " unit=" + unitId);
        return jdbc.queryForObject("SELECT * FROM evaluation_safety_veto WHERE evaluation_year = ? AND active_unit = ?",
                (row, n) -> view(row), r.year(), unitId);
    }

    @Transactional
    public SafetyVetoApi.VetoView revoke(long id, SafetyVetoApi.RevokeRequest request) {
        Caller caller = gxj();
        FieldChecks checks = new FieldChecks();
        String reason = checks.requiredText("reason", request == null ? null : request.reason(), "撤销理由", "Reason for revoking", 500);
        checks.throwIfAny();
        List<SafetyVetoApi.VetoView> found = jdbc.query("SELECT * FROM evaluation_safety_veto WHERE id = ? FOR UPDATE", (row, n) -> view(row), id);
        if (found.isEmpty()) {
            throw new NotFoundException("id", "没有编号为" + id + "的安全生产否决", "There is no safety veto " + id);
        }
        if (!found.get(0).inForce()) {
            throw new ConflictException("id", "该安全生产否决已于" + found.get(0).revokedAt() + "撤销", "This safety veto was revoked already");
        }
        jdbc.update("UPDATE evaluation_safety_veto SET active_unit = NULL, revoked_by = ?, revoked_at = ?, revoke_reason = ? WHERE id = ?",
                caller.userId(), Timestamp.from(clock.instant()), reason, id);
        SecurityLog.event("EVALUATION_VETO_REVOKED", caller.userId(), "id=" + id + " year=" + found.get(0).year() + " unit=" + found.get(0).unitId());
        return jdbc.queryForObject("SELECT * FROM evaluation_safety_veto WHERE id = ?", (row, n) -> view(row), id);
    }

    private ConflictException alreadyVetoed(int year, String unitId) {
        return new ConflictException("unitId", unitId + "在" + year + "年已有生效的安全生产否决", unitId + " already has a safety veto in force for " + year);
    }

    private Caller gxj() {
        Caller caller = currentCaller.get();
        if (!caller.isIn(Groups.LEAD_BUREAU)) {
            throw new AccessDeniedException("safety vetoes are kept by gxj");
        }
        return caller;
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new cn.huiqi.common.InvalidInputException("year", "年度须在" + FIRST_YEAR + "至" + LAST_YEAR + "之间",
                    "The year must be between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
    }

    private SafetyVetoApi.VetoView view(java.sql.ResultSet row) throws java.sql.SQLException {
        String unitId = row.getString("unit_id");
        Timestamp revokedAt = row.getTimestamp("revoked_at");
        return new SafetyVetoApi.VetoView(row.getLong("id"), row.getInt("evaluation_year"), unitId,
                units.findById(unitId).map(Unit::getNameZh).orElse(unitId), row.getString("reason"), row.getString("evidence_ref"),
                row.getString("entered_by"), row.getTimestamp("entered_at").toInstant(), revokedAt == null, row.getString("revoked_by"),
                revokedAt == null ? null : revokedAt.toInstant(), row.getString("revoke_reason"), EvaluationRanking.VETO_READING);
    }
}
