package cn.huiqi.casefile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Finds the case a process works on by the id of the measure's process instance (the root of the
 * call hierarchy: the shared review chain runs as a called instance), never by a process variable:
 * variables can be overwritten by whoever completes a task.
 *
 * <p>A step's listeners ask for the case many times per command. Which case a process instance belongs to never
 * changes once found, so it is remembered by id, and the case itself is then read by primary key: the transaction's
 * object when it has read the case already (no statement, {@link CaseRecordRepository}), else one SELECT by key. A
 * remembered id is checked against the record, so a case rolled back with its transaction is looked up again.
 */
@Component
public class CaseOfProcess {

    private static final int REMEMBERED = 10_000;

    private final CaseRecordRepository cases;
    private final Map<String, Long> caseIds = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    });

    public CaseOfProcess(CaseRecordRepository cases) {
        this.cases = cases;
    }

    public CaseRecord of(DelegateExecution execution) {
        String rootId = rootIdOf(execution);
        return ofRootProcessInstance(rootId).or(() -> ofCalledInstance(execution))
                .orElseThrow(() -> new IllegalStateException("no case for process instance " + rootId));
    }

    /**
     * A case whose process is called by a process of no case: an award of a locality evaluation (measures 5 and 6)
     * runs in a called instance of the round's process; the nearest instance of the call hierarchy that is a case's.
     */
    private Optional<CaseRecord> ofCalledInstance(DelegateExecution execution) {
        for (DelegateExecution instance = execution.getProcessInstance(); instance != null;
             instance = instance.getSuperExecution() == null ? null : instance.getSuperExecution().getProcessInstance()) {
            Optional<CaseRecord> found = ofRootProcessInstance(instance.getId());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The process instance of the measure: the top of the call hierarchy the execution runs in. */
    public static DelegateExecution rootOf(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance;
    }

    /**
     * The id of {@link #rootOf}: the engine keeps it on every execution (ROOT_PROC_INST_ID_), so the call hierarchy
     * above the execution's own instance (the calling execution, the measure's instance and its executions) is not
     * loaded for it. Walks up only for an execution that has none.
     */
    public static String rootIdOf(DelegateExecution execution) {
        String rootId = execution instanceof ExecutionEntity entity ? entity.getRootProcessInstanceId() : null;
        return rootId != null ? rootId : rootOf(execution).getId();
    }

    /** The case has just been attached to its process ({@link CaseRegistration}): its process finds it without a query. */
    void attached(CaseRecord caseRecord) {
        caseIds.put(caseRecord.getProcessInstanceId(), caseRecord.getId());
    }

    /** The case of a measure's process instance (the root id), if it is one. */
    public Optional<CaseRecord> ofRootProcessInstance(String rootId) {
        Long id = caseIds.get(rootId);
        if (id != null) {
            Optional<CaseRecord> known = cases.findById(id);
            if (known.isPresent() && rootId.equals(known.get().getProcessInstanceId())) {
                return known;
            }
            caseIds.remove(rootId);
        }
        Optional<CaseRecord> found = cases.findByProcessInstanceId(rootId);
        found.ifPresent(caseRecord -> caseIds.put(rootId, caseRecord.getId()));
        return found;
    }
}
