package cn.huiqi.evaluation;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A round without its process (the quick start's demo round of V1005, inserted by SQL; a round opened before the
 * processes were deployed) gets it at start-up, after the models are deployed, at the step it stands at: a round in
 * DATA_ENTRY at "确认数据采集完毕", a round already in CONFIRMATION past it (bpmn/evaluation-round.bpmn's gateway "数据填报中？":
 * it waits for the confirmation, or scores at once if every figure is confirmed). A round beyond CONFIRMATION always has
 * its process: only the process moves a round there. Idempotent and safe on several nodes (the round is locked and
 * checked again).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RoundProcessesAtStartup implements ApplicationRunner {

    private final RoundProcessStore processStore;
    private final EvaluationStore store;
    private final RoundProcess process;
    private final TransactionTemplate transactions;

    RoundProcessesAtStartup(RoundProcessStore processStore, EvaluationStore store, RoundProcess process, TransactionTemplate transactions) {
        this.processStore = processStore;
        this.store = store;
        this.process = process;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (long roundId : processStore.roundsWithoutProcess()) {
            transactions.executeWithoutResult(status -> store.lockRound(roundId).ifPresent(round -> {
                if (processStore.state(roundId).processInstanceId() == null) {
                    process.start(roundId, round.measure(), round.name());
                }
            }));
        }
    }
}
