package cn.huiqi.settlement;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.huiqi.common.Money;

/**
 * Create listener of the batch task: writes what its form shows, read-only and task-local, from the
 * settlement record (never from process variables). Task listener: {@code ${batchFigures}}.
 */
@Component("batchFigures")
public class BatchFigures implements TaskListener {

    private final SettlementRepository settlements;
    private final SettlementLineRepository lines;

    public BatchFigures(SettlementRepository settlements, SettlementLineRepository lines) {
        this.settlements = settlements;
        this.lines = lines;
    }

    @Override
    public void notify(DelegateTask task) {
        Settlement settlement = settlements.findByProcessInstanceId(task.getProcessInstanceId()).orElseThrow();
        long open = lines.findBySettlementIdOrderById(settlement.getId()).stream().filter(SettlementLine::awaitsPayment).count();
        task.setVariablesLocal(Map.of(
                "systemMeasure", settlement.getMeasure(),
                "systemSettlementId", "第 " + settlement.getId() + " 批 / settlement " + settlement.getId(),
                "systemGranted", Money.format(settlement.getGranted()),
                "systemPaymentsOpen", open + " 笔 / " + open));
    }
}
