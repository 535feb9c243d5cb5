package cn.huiqi.assistance;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseVisibilityExtension;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;

/**
 * Who reads demands besides the general rule (the enterprise its own, the locality that accepts them, administrators,
 * policy staff and auditors all): a unit the demands assigned to it now or before ({@code assistance_assignment}), and
 * the lead bureau (gxj, which coordinates and supervises) every demand. Nobody else.
 */
@Component
class DemandVisibility implements CaseVisibilityExtension {

    private final AssignmentRepository assignments;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    DemandVisibility(AssignmentRepository assignments, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.assignments = assignments;
        this.jdbc = jdbc;
    }

    @Override
    public boolean canRead(Caller caller, CaseRecord caseRecord) {
        if (!AssistanceMeasure.ID.equals(caseRecord.getMeasure()) || caller.isIn(Groups.ENTERPRISE)) {
            return false;
        }
        return caller.isIn(Groups.LEAD_BUREAU)
                || !caller.groupIds().isEmpty() && assignments.existsByCaseIdAndUnitIdIn(caseRecord.getId(), caller.groupIds());
    }

    /**
     * Only when it adds a case, so the list queries of callers without demands keep their plans (a locality's list
     * stays on its locality index, a city bureau's count on its review units): gxj once any demand exists; a unit once
     * a demand outside its own locality has been assigned to it (a locality sees its own locality's demands anyway).
     */
    @Override
    public Optional<Condition> condition(Caller caller) {
        if (caller.isIn(Groups.ENTERPRISE) || caller.groupIds().isEmpty()) {
            return Optional.empty();
        }
        if (caller.isIn(Groups.LEAD_BUREAU)) {
            return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM assistance_demand)", Boolean.class))
                    ? Optional.of(new Condition("c.measure = :m7Measure", Map.of("m7Measure", AssistanceMeasure.ID)))
                    : Optional.empty();
        }
        var units = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("units", caller.groupIds());
        Boolean beyondOwnLocality = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc).queryForObject(
                "SELECT EXISTS (SELECT 1 FROM assistance_assignment a JOIN case_record c ON c.id = a.case_id"
                        + " WHERE a.unit_id IN (:units) AND c.locality_unit_id NOT IN (:units))", units, Boolean.class);
        if (!Boolean.TRUE.equals(beyondOwnLocality)) {
            return Optional.empty();
        }
        return Optional.of(new Condition("c.measure = :m7Measure AND c.id IN (SELECT a.case_id FROM assistance_assignment a"
                + " WHERE a.unit_id IN (:m7AssignedUnits))", Map.of("m7Measure", AssistanceMeasure.ID,
                "m7AssignedUnits", caller.groupIds())));
    }

    /** Whether the unit(s) of the caller hold the demand now (a progress note is theirs to write). */
    boolean assignedNow(Caller caller, long caseId) {
        return !caller.groupIds().isEmpty() && !caller.isIn(Groups.ENTERPRISE)
                && assignments.existsByCaseIdAndUnitIdInAndEndedAtIsNull(caseId, caller.groupIds());
    }
}
