package cn.huiqi.orderreward;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import cn.huiqi.casefile.ApplicationRequest;
import cn.huiqi.casefile.CaseRegistration;

/** The body of {@code POST /api/m1/applications}; checked by {@link OrderApplicationValidator}. */
@Schema(description = "措施1 订单奖励申请：每家企业对本措施只能申请一次，列出2023年7—9月签订并落地实施的全部订单；提交后订单不能增改 / "
        + "Measure 1 order reward application: one per enterprise for the measure as a whole, listing every order signed "
        + "2023-07-01..2023-09-30 and put into execution; orders cannot be added or changed after submission")
public record OrderApplicationRequest(
        @ArraySchema(arraySchema = @Schema(description = "订单（1至10笔）/ The orders (1 to 10)"), minItems = 1, maxItems = 10)
        List<Order> orders,
        @Schema(description = "代为申请的企业编号：经办人必填（须有有效的经办人授权），企业自己的账号可省略 / "
                + "Id of the enterprise applied for: required for an authorised agent, optional for the enterprise's own account",
                example = "3")
        Long enterpriseId) implements ApplicationRequest {

    @Schema(description = "一笔订单 / One order")
    public record Order(
            @Schema(description = "签约对方 / Counterparty", example = "上海某某贸易有限公司", maxLength = 200)
            String counterparty,
            @Schema(description = "合同编号：一个合同只能在一份申请中申报（不分企业）/ Contract number: claimed in one application only, across enterprises",
                    example = "HT-2023-0815", maxLength = 64)
            String contractNumber,
            @Schema(description = "签订日期，须在2023-07-01至2023-09-30之间 / Signing date (YYYY-MM-DD), 2023-07-01..2023-09-30",
                    example = "2023-08-15")
            String signingDate,
            @Schema(description = "订单金额（元），十进制字符串，至多两位小数 / Order amount in CNY as a decimal string, at most two decimals",
                    example = "50000000.00")
            String orderAmount,
            @Schema(description = "落地实施证明 / Evidence of execution", maxLength = 2000)
            String executionEvidence) {
    }

    /** The same names as the start form's fields, so one validator serves both. */
    @Override
    public Map<String, Object> asFormFields() {
        Map<String, Object> fields = new HashMap<>();
        if (orders != null) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Order order : orders) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (order != null) {
                    row.put("counterparty", order.counterparty());
                    row.put("contractNumber", order.contractNumber());
                    row.put("signingDate", order.signingDate());
                    row.put("orderAmount", order.orderAmount());
                    row.put("executionEvidence", order.executionEvidence());
                }
                rows.add(row);
            }
            fields.put("orders", rows);
        }
        if (enterpriseId != null) {
            fields.put(CaseRegistration.ENTERPRISE_ID, enterpriseId);
        }
        return fields;
    }
}
