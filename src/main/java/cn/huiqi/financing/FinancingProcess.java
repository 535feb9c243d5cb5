package cn.huiqi.financing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.enterprise.EnterpriseRepository;

/**
 * What {@code m8-financing-demand} reads from the case record, never from a variable: the case it works on (bound at
 * start, only to a financing case without a process), who screens it, and where it stands. {@code ${financingProcess.…}}.
 * Its only variables are {@code caseNumber}, {@code measure}, {@code enterpriseName} and the officials' task fields:
 * no enterprise data and no offer.
 */
@Component("financingProcess")
public class FinancingProcess {

    private final CaseRecordRepository cases;
    private final CaseOfProcess caseOfProcess;
    private final CaseRegistration registration;
    private final EnterpriseRepository enterprises;
    private final FinancingDemandRepository demands;

    FinancingProcess(CaseRecordRepository cases, CaseOfProcess caseOfProcess, CaseRegistration registration,
                     EnterpriseRepository enterprises, FinancingDemandRepository demands) {
        this.cases = cases;
        this.caseOfProcess = caseOfProcess;
        this.registration = registration;
        this.enterprises = enterprises;
        this.demands = demands;
    }

    /** The start event: refused unless the business key names a measure 8 case without a process ({@link FinancingIntake}). */
    public void started(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        CaseRecord caseRecord = caseNumber == null ? null : cases.findByCaseNumber(caseNumber).orElse(null);
        if (caseRecord == null || !FinancingMeasure.ID.equals(caseRecord.getMeasure()) || caseRecord.getProcessInstanceId() != null) {
            throw new IllegalStateException("process " + FinancingMeasure.PROCESS_KEY + " is started only by FinancingIntake for a"
                    + " financing demand just opened, not for '" + caseNumber + "'");
        }
        registration.attachProcess(caseRecord, execution);
        execution.setVariable("enterpriseName", enterprises.findById(caseRecord.getEnterpriseId()).orElseThrow().getName());
    }

    /** Candidate group of 审核: the screening unit on the demand (the enterprise's locality, or jrb by configuration). */
    public String screeningUnitOf(DelegateExecution execution) {
        return demandOf(execution).getScreeningUnit();
    }

    /** The demand's status, for the gateways (written by the steps, read from the record). */
    public String status(DelegateExecution execution) {
        return demandOf(execution).getStatus().name();
    }

    FinancingDemand demandOf(DelegateExecution execution) {
        return demands.findById(caseOfProcess.of(execution).getId()).orElseThrow();
    }
}
