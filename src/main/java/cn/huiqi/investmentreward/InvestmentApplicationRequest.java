package cn.huiqi.investmentreward;

import java.util.HashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/m3/applications}; checked by {@link InvestmentApplicationType}. */
@Schema(description = "措施3 项目投资奖励申请 / Measure 3 project investment reward application")
public record InvestmentApplicationRequest(
        @Schema(description = "项目库中的项目编号（须为本企业的项目）/ Id of one of your projects in the library", example = "12")
        String projectId,
        @Schema(description = "设备投资证明 / Evidence of equipment investment", maxLength = 2000)
        String equipmentEvidence) {

    public Map<String, Object> asFormFields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("projectId", projectId);
        fields.put("equipmentEvidence", equipmentEvidence);
        return fields;
    }
}
