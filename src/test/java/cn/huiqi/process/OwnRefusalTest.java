package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.junit.jupiter.api.Test;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldProblem;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.NotFoundException;
import jakarta.ws.rs.core.Response;

/** Our refusal found inside what the engine's REST API wraps, told as people read it. */
class OwnRefusalTest {

    @Test
    void aWrappedRefusalIsTheBilingualSentenceWithTheEntryNotTheFieldPath() {
        InvalidInputException refused = new InvalidInputException(List.of(
                new FieldProblem("payments[0].paymentReference", "支付凭证号不能为空", "Payment reference is required"),
                new FieldProblem("orders[1].orderAmount", "金额须大于0", "The amount must be positive"),
                new FieldProblem("uscc", "统一社会信用代码不能为空", "The USCC is required")));
        RuntimeException wrapped = new InvalidRequestException(Response.Status.BAD_REQUEST,
                new ProcessEngineException("wrapped", refused), "Cannot submit task form 0f8fad5b-d9cb-469f-a165-70867728950e: x");

        OwnRefusal refusal = OwnRefusal.in(wrapped);

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.message()).isEqualTo("第1笔支付：支付凭证号不能为空 / Payment 1: Payment reference is required；"
                + "第2笔订单：金额须大于0 / Order 2: The amount must be positive；统一社会信用代码不能为空 / The USCC is required");
    }

    @Test
    void aRefusalKeepsItsStatusAndTheEngineOwnErrorsAreNotOurs() {
        assertThat(OwnRefusal.in(new ProcessEngineException("x", new ConflictException("f", "已处理", "Done already"))).status()).isEqualTo(409);
        assertThat(OwnRefusal.in(new NotFoundException("f", "不存在", "Not found")).status()).isEqualTo(404);
        assertThat(OwnRefusal.in(new ProcessEngineException("ENGINE-01009 something"))).isNull();
    }
}
