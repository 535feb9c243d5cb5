package cn.huiqi.project;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/projects/{id}/reports} (a new monthly report) and of
 * {@code PUT /api/projects/{id}/reports/{month}} (a correction, which needs a reason; month comes from the path).
 */
@Schema(description = "月度投资进度报告（累计数） / Monthly progress report, cumulative amounts")
public record ReportRequest(
        @Schema(description = "报告月份 / Report month (YYYY-MM); ignored on correction", example = "2023-08")
        String month,
        @Schema(description = "自开工至月末累计完成投资（元），可为0，不得小于上月、不得大于下月 / Cumulative completed investment "
                + "from the start up to the month end, CNY; may be 0; not below the previous month's nor above the next month's",
                example = "86000000.00")
        String cumulativeInvestment,
        @Schema(description = "其中：累计完成设备投资（元），不得超过累计完成投资 / Of which cumulative equipment investment, CNY; "
                + "at most the cumulative investment", example = "30000000.00")
        String cumulativeEquipmentInvestment,
        @Schema(description = "说明 / Note", maxLength = 500)
        String note,
        @Schema(description = "更正理由（更正时必填） / Reason of the correction (required when correcting)", maxLength = 500)
        String correctionReason) {
}
