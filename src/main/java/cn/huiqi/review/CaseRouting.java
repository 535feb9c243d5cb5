package cn.huiqi.review;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.enterprise.EnterpriseRegister;

/**
 * Who works on a step of the review chain, read from the case record (the enterprise's locality, the
 * units DMN responsible-units named, the applicant), never from a process variable: whoever completes
 * a task could set a variable. Used by the BPMN, e.g.
 * {@code camunda:candidateGroups="${caseRouting.localityOf(execution)}"}.
 */
@Component("caseRouting")
public class CaseRouting {

    /** The multi-instance element variable of city review: one instance per reviewing unit. */
    public static final String REVIEW_UNIT = "reviewUnit";

    private final CaseOfProcess caseOfProcess;
    private final EnterpriseRegister enterprises;

    public CaseRouting(CaseOfProcess caseOfProcess, EnterpriseRegister enterprises) {
        this.caseOfProcess = caseOfProcess;
        this.enterprises = enterprises;
    }

    /** The locality (县区/开发区) of the applying enterprise: it verifies. */
    public String localityOf(DelegateExecution execution) {
        return caseOfProcess.of(execution).getLocalityUnitId();
    }

    /** The city units that must each approve; never empty, so city review cannot be skipped. */
    public List<String> reviewUnitsOf(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        List<String> units = caseRecord.getReviewUnits();
        if (units.isEmpty()) {
            throw new IllegalStateException("case " + caseRecord.getCaseNumber() + " has no reviewing units recorded");
        }
        return units;
    }

    /**
     * The unit of this city-review instance: the instance's element, which must be one of the units
     * recorded on the case.
     */
    public String reviewUnitOf(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        Object unit = execution.getVariable(REVIEW_UNIT);
        if (unit == null || !caseRecord.getReviewUnits().contains(unit.toString())) {
            throw new IllegalStateException("city review of case " + caseRecord.getCaseNumber() + " for '" + unit
                    + "', which is not one of its reviewing units " + caseRecord.getReviewUnits());
        }
        return unit.toString();
    }

    /**
     * Supplements go back to the user who applied while it still acts for the enterprise (an agent whose
     * authorisation was revoked does not), otherwise to the enterprise's own account.
     */
    public String applicantOf(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        if (caseRecord.getEnterpriseId() == null) {
            return caseRecord.getSubmittedBy();
        }
        return enterprises.accountActingFor(caseRecord.getEnterpriseId(), caseRecord.getSubmittedBy())
                .orElse(caseRecord.getSubmittedBy());
    }
}
