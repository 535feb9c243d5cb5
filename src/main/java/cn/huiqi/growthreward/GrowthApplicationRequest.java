package cn.huiqi.growthreward;

import java.util.HashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/m2/applications}; checked by {@link GrowthApplicationType}. */
@Schema(description = "措施2 增产扩产奖励申请 / Measure 2 production growth reward application")
public record GrowthApplicationRequest(
        @Schema(description = "2023年7—9月应税销售收入（元），十进制字符串 / Taxable sales revenue 2023-07..09, CNY, decimal string",
                example = "600000000.00")
        String taxableRevenue,
        @Schema(description = "2022年7—9月应税销售收入（元）/ Taxable sales revenue 2022-07..09, CNY", example = "550000000.00")
        String priorYearRevenue,
        @Schema(description = "收入证明 / Evidence of revenue", maxLength = 2000)
        String revenueEvidence) {

    public Map<String, Object> asFormFields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("taxableRevenue", taxableRevenue);
        fields.put("priorYearRevenue", priorYearRevenue);
        fields.put("revenueEvidence", revenueEvidence);
        return fields;
    }
}
