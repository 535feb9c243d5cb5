package cn.huiqi.assistance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.enterprise.EnterpriseRepository;

/**
 * What the demand process reads from the case record, never from a variable: the case it works on (attached at
 * start, by {@link DemandIntake}'s business key, only to a demand case that has no process yet) and who acts on its
 * steps. Used by the BPMN as {@code ${demandProcess.…}} (public: the expression language calls only public classes).
 */
@Component("demandProcess")
public class DemandProcess {

    private final CaseRecordRepository cases;
    private final CaseOfProcess caseOfProcess;
    private final CaseRegistration registration;
    private final EnterpriseRepository enterprises;

    DemandProcess(CaseRecordRepository cases, CaseOfProcess caseOfProcess, CaseRegistration registration,
                  EnterpriseRepository enterprises) {
        this.cases = cases;
        this.caseOfProcess = caseOfProcess;
        this.registration = registration;
        this.enterprises = enterprises;
    }

    /**
     * The start event: binds the new process instance to the demand case of its business key. Refused (the start
     * rolls back) unless that case is a measure 7 case without a process: {@link DemandIntake} opens the case and starts
     * its process in one transaction, so no started process can take over a case.
     */
    public void started(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        CaseRecord caseRecord = caseNumber == null ? null : cases.findByCaseNumber(caseNumber).orElse(null);
        if (caseRecord == null || !AssistanceMeasure.ID.equals(caseRecord.getMeasure())
                || caseRecord.getProcessInstanceId() != null) {
            throw new IllegalStateException("process " + AssistanceMeasure.PROCESS_KEY + " is started only by DemandIntake for a"
                    + " demand just opened, not for '" + caseNumber + "'");
        }
        registration.attachProcess(caseRecord, execution);
        execution.setVariable("enterpriseName", enterprises.findById(caseRecord.getEnterpriseId()).orElseThrow().getName());
    }

    /** The enterprise's locality (县区/开发区): it accepts the demand. */
    public String localityOf(DelegateExecution execution) {
        return caseOfProcess.of(execution).getLocalityUnitId();
    }
}
