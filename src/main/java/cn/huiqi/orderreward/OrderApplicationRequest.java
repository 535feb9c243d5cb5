package cn.huiqi.orderreward;

import java.util.HashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.huiqi.casefile.CaseRegistration;

/** The body of {@code POST /api/m1/applications}; checked by {@link OrderApplicationValidator}. */
@Schema(description = "措施1 订单奖励申请 / Measure 1 order reward application")
public record OrderApplicationRequest(
        @Schema(description = "签约对方 / Counterparty", example = "上海某某贸易有限公司", maxLength = 200)
        String counterparty,
        @Schema(description = "合同编号，同一合同只能申请一次 / Contract number, one application per contract",
                example = "HT-2023-0815", maxLength = 64)
        String contractNumber,
        @Schema(description = "签订日期 / Signing date (YYYY-MM-DD)", example = "2023-08-15")
        String signingDate,
        @Schema(description = "订单金额（元），十进制字符串，至多两位小数 / Order amount in CNY as a decimal string, at most two decimals",
                example = "50000000.00")
        String orderAmount,
        @Schema(description = "落地实施证明 / Evidence of execution", maxLength = 2000)
        String executionEvidence,
        @Schema(description = "代为申请的企业编号：经办人必填（须有有效的经办人授权），企业自己的账号可省略 / "
                + "Id of the enterprise applied for: required for an authorised agent, optional for the enterprise's own account",
                example = "3")
        Long enterpriseId) {

    /** The same names as the start form's fields, so one validator serves both. */
    public Map<String, Object> asFormFields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("counterparty", counterparty);
        fields.put("contractNumber", contractNumber);
        fields.put("signingDate", signingDate);
        fields.put("orderAmount", orderAmount);
        fields.put("executionEvidence", executionEvidence);
        if (enterpriseId != null) {
            fields.put(CaseRegistration.ENTERPRISE_ID, enterpriseId);
        }
        return fields;
    }
}
