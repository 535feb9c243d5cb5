package cn.huiqi.growthreward;

import java.util.HashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.huiqi.casefile.ApplicationRequest;
import cn.huiqi.casefile.CaseRegistration;

/** The body of {@code POST /api/m2/applications}; checked by {@link GrowthApplicationType}. */
@Schema(description = "措施2 增产扩产奖励申请 / Measure 2 production growth reward application")
public record GrowthApplicationRequest(
        @Schema(description = "2023年7—9月应税销售收入（元），十进制字符串 / Taxable sales revenue 2023-07..09, CNY, decimal string",
                example = "600000000.00")
        String taxableRevenue,
        @Schema(description = "2022年7—9月应税销售收入（元）/ Taxable sales revenue 2022-07..09, CNY", example = "550000000.00")
        String priorYearRevenue,
        @Schema(description = "收入证明 / Evidence of revenue", maxLength = 2000)
        String revenueEvidence,
        @Schema(description = "代为申请的企业编号：经办人必填（须有有效的经办人授权），企业自己的账号可省略 / "
                + "Id of the enterprise applied for: required for an authorised agent, optional for the enterprise's own account",
                example = "3")
        Long enterpriseId) implements ApplicationRequest {

    @Override
    public Map<String, Object> asFormFields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("taxableRevenue", taxableRevenue);
        fields.put("priorYearRevenue", priorYearRevenue);
        fields.put("revenueEvidence", revenueEvidence);
        if (enterpriseId != null) {
            fields.put(CaseRegistration.ENTERPRISE_ID, enterpriseId);
        }
        return fields;
    }
}
