package cn.huiqi.settlement;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.huiqi.common.Money;
import cn.huiqi.process.FormFigures;

/**
 * What the form of the batch task shows read-only, from the settlement record (never from process variables),
 * computed each time the form is read ({@link FormFigures}; the diagram names {@code batchFigures}).
 */
@Component("batchFigures")
class BatchFigures implements FormFigures {

    private final SettlementRepository settlements;
    private final SettlementLineRepository lines;

    public BatchFigures(SettlementRepository settlements, SettlementLineRepository lines) {
        this.settlements = settlements;
        this.lines = lines;
    }

    @Override
    public Map<String, Object> of(DelegateTask task) {
        Settlement settlement = settlements.findByProcessInstanceId(task.getProcessInstanceId()).orElseThrow();
        long open = lines.findBySettlementIdOrderById(settlement.getId()).stream().filter(SettlementLine::awaitsPayment).count();
        return Map.of(
                "systemMeasure", settlement.getMeasure(),
                "systemSettlementId", "第 " + settlement.getId() + " 批 / settlement " + settlement.getId(),
                "systemGranted", Money.format(settlement.getGranted()),
                "systemPaymentsOpen", open + " 笔 / " + open);
    }
}
