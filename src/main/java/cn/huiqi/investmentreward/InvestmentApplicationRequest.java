package cn.huiqi.investmentreward;

import java.util.HashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.huiqi.casefile.ApplicationRequest;
import cn.huiqi.casefile.CaseRegistration;

/** The body of {@code POST /api/m3/applications}; checked by {@link InvestmentApplicationType}. */
@Schema(description = "措施3 项目投资奖励申请 / Measure 3 project investment reward application")
public record InvestmentApplicationRequest(
        @Schema(description = "项目库中的项目编号（须为本企业的项目）/ Id of one of your projects in the library", example = "12")
        String projectId,
        @Schema(description = "设备投资证明 / Evidence of equipment investment", maxLength = 2000)
        String equipmentEvidence,
        @Schema(description = "代为申请的企业编号：经办人必填（须有有效的经办人授权），企业自己的账号可省略 / "
                + "Id of the enterprise applied for: required for an authorised agent, optional for the enterprise's own account",
                example = "3")
        Long enterpriseId) implements ApplicationRequest {

    @Override
    public Map<String, Object> asFormFields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("projectId", projectId);
        fields.put("equipmentEvidence", equipmentEvidence);
        if (enterpriseId != null) {
            fields.put(CaseRegistration.ENTERPRISE_ID, enterpriseId);
        }
        return fields;
    }
}
