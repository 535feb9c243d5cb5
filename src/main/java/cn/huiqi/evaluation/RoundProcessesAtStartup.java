package cn.huiqi.evaluation;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A round inserted without its process (the quick start's demo round of V1005, inserted by SQL) gets it at start-up,
 * after the models are deployed; idempotent and safe on several nodes (the round is locked and checked again).
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
