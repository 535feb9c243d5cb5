package cn.huiqi.evaluation;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.process.EngineAsSystem;

/**
 * The process of a round (docs/evaluation.md "Process"): started when gxj opens the round (business key
 * {@code EVAL-<id>}), told when the confirmation period is over, and the way from an execution back to its round —
 * by the measure's process instance the round records, never by a variable a task could write.
 */
@Component
class RoundProcess {

    static final String M5_PROCESS = "m5-pilot-zone-evaluation";
    static final String M6_PROCESS = "m6-contribution-evaluation";
    static final String FIGURES_CONFIRMED = "evaluation-figures-confirmed";

    private final RuntimeService runtimeService;
    private final EngineAsSystem engineAsSystem;
    private final RoundProcessStore store;

    RoundProcess(RuntimeService runtimeService, EngineAsSystem engineAsSystem, RoundProcessStore store) {
        this.runtimeService = runtimeService;
        this.engineAsSystem = engineAsSystem;
        this.store = store;
    }

    static String businessKey(long roundId) {
        return "EVAL-" + roundId;
    }

    static String processKey(String measure) {
        return switch (measure) {
            case "M5" -> M5_PROCESS;
            case "M6" -> M6_PROCESS;
            default -> throw new IllegalStateException("measure " + measure + " has no evaluation process");
        };
    }

    /** Starts the measure's process for a round just opened, in the caller's transaction (as the system: nobody starts it by hand). */
    void start(long roundId, String measure, String name) {
        ProcessInstance instance = engineAsSystem.call(() -> runtimeService.startProcessInstanceByKey(processKey(measure), businessKey(roundId),
                Map.of("measure", measure, "evaluationRound", name)));
        store.attachProcess(roundId, instance.getId());
    }

    /** After a confirmation, a resolution or the silence rule: when nothing is left unconfirmed, the round's process moves on. */
    void figuresMaybeConfirmed(long roundId) {
        if (store.allConfirmed(roundId)) {
            engineAsSystem.call(() -> runtimeService.createMessageCorrelation(FIGURES_CONFIRMED).processInstanceBusinessKey(businessKey(roundId))
                    .correlateAllWithResult());
        }
    }

    /**
     * The round of an execution of its process: by the root instance the round records; while the instance is still
     * starting (a gateway before the first wait state, e.g. for a round given its process late), by its business key.
     */
    long roundOf(DelegateExecution execution) {
        DelegateExecution rootExecution = CaseOfProcess.rootOf(execution);
        String root = rootExecution.getId();
        return store.roundOfProcess(root).or(() -> roundOfKey(rootExecution.getProcessBusinessKey()))
                .orElseThrow(() -> new IllegalStateException("no evaluation round for process instance " + root));
    }

    private java.util.Optional<Long> roundOfKey(String businessKey) {
        if (businessKey == null || !businessKey.matches("EVAL-\\d{1,18}")) {
            return java.util.Optional.empty();
        }
        long id = Long.parseLong(businessKey.substring("EVAL-".length()));
        return store.processOfRoundIsPending(id) ? java.util.Optional.of(id) : java.util.Optional.empty();
    }
}
