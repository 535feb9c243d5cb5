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

    DemandVisibility(AssignmentRepository assignments) {
        this.assignments = assignments;
    }

    @Override
    public boolean canRead(Caller caller, CaseRecord caseRecord) {
        if (!AssistanceMeasure.ID.equals(caseRecord.getMeasure()) || caller.isIn(Groups.ENTERPRISE)) {
            return false;
        }
        return caller.isIn(Groups.LEAD_BUREAU)
                || !caller.groupIds().isEmpty() && assignments.existsByCaseIdAndUnitIdIn(caseRecord.getId(), caller.groupIds());
    }

    @Override
    public Optional<Condition> condition(Caller caller) {
        if (caller.isIn(Groups.ENTERPRISE) || caller.groupIds().isEmpty()) {
            return Optional.empty();
        }
        if (caller.isIn(Groups.LEAD_BUREAU)) {
            return Optional.of(new Condition("c.measure = :m7Measure", Map.of("m7Measure", AssistanceMeasure.ID)));
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
