package cn.huiqi.settlement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.huiqi.common.InvalidInputException;

/** End listener of the batch task: it may be completed only when every payment of the batch is confirmed. */
@Component("batchCompletionCheck")
public class BatchCompletionCheck implements ExecutionListener {

    private final SettlementRepository settlements;
    private final SettlementLineRepository lines;

    public BatchCompletionCheck(SettlementRepository settlements, SettlementLineRepository lines) {
        this.settlements = settlements;
        this.lines = lines;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Settlement settlement = settlements.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow();
        long open = lines.findBySettlementIdOrderById(settlement.getId()).stream().filter(SettlementLine::awaitsPayment).count();
        if (open > 0) {
            throw new InvalidInputException("payments", "本批次还有 " + open + " 笔未确认支付，请在“结算与拨付”页面逐笔确认或登记失败原因",
                    open + " payment(s) of this batch are not confirmed yet; confirm them on the settlements page");
        }
    }
}
