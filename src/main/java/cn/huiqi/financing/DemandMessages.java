package cn.huiqi.financing;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.huiqi.process.EngineAsSystem;

/**
 * How the enterprise's and the institutions' API calls move {@code m8-financing-demand}: message correlation by the
 * case number, as the system, after the app has checked who may do it. No value is passed: the take-up's event sub-process
 * reads its due instant from the newest take-up's row, in the same transaction.
 */
@Component
class DemandMessages {

    static final String RESUBMITTED = "financing-resubmitted";
    static final String TAKEN_UP = "financing-taken-up";
    static final String OFFER_ACCEPTED = "financing-offer-accepted";
    static final String UNMATCHED = "financing-unmatched";
    static final String LOAN_GRANTED = "financing-loan-granted";
    static final String WITHDRAWN = "financing-withdrawn";

    private final RuntimeService runtimeService;
    private final EngineAsSystem system;

    DemandMessages(RuntimeService runtimeService, EngineAsSystem system) {
        this.runtimeService = runtimeService;
        this.system = system;
    }

    /** Moves the demand's process; an IllegalStateException (a 500) if it does not wait for this message. */
    void send(String message, String caseNumber) {
        system.call(() -> runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(caseNumber).correlateWithResult());
    }

    void takenUp(String caseNumber) {
        send(TAKEN_UP, caseNumber);
    }

    /** Only if the process waits for it (after the publication deadline, with no live take-up left). */
    void unmatchedIfWaiting(String caseNumber) {
        system.call(() -> runtimeService.createMessageCorrelation(UNMATCHED).processInstanceBusinessKey(caseNumber).correlateAllWithResult());
    }
}
