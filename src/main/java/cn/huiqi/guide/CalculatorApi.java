package cn.huiqi.guide;

import java.math.BigDecimal;
import java.util.List;

import cn.huiqi.common.Label;
import cn.huiqi.rules.PublishedRules;
import io.swagger.v3.oas.annotations.media.Schema;

/** Bodies of the policy calculator (docs/fulfilment.md "政策计算器"). Every figure optional: a measure whose figures are missing says so. */
public final class CalculatorApi {

    private CalculatorApi() {
    }

    @Schema(description = "测算用的数字，均可省略（缺少的措施不测算）；金额为元，十进制字符串 / Figures for the calculation, all optional; amounts in CNY as decimal strings")
    public record Figures(
            @Schema(description = "订单（至多10笔）：金额与签订日期 / Orders (at most 10): amount and signing date") List<Order> orders,
            @Schema(description = "2023年7—9月应税销售收入（元）/ Taxable sales revenue 2023-07..09 (CNY)", example = "600000000.00") String taxableRevenue,
            @Schema(description = "上年同期应税销售收入（元）/ The same period a year before (CNY)", example = "550000000.00") String priorYearRevenue,
            @Schema(description = "项目类型：new 新建项目 / renovation 技术改造项目 / Project type", example = "renovation") String projectType,
            @Schema(description = "2023年7—9月生产设备投资（元）/ Production-equipment investment 2023-07..09 (CNY)", example = "3000000.00") String equipmentInvestment) {
    }

    public record Order(@Schema(description = "订单金额（元）/ Order amount (CNY)", example = "50000000.00") String amount,
                        @Schema(description = "签订日期 YYYY-MM-DD / Signing date", example = "2023-08-01") String signedOn) {
    }

    /**
     * One measure's answer. status: QUALIFIES, NOT_QUALIFIED, MISSING_FIGURES (enter … to see), NO_MONEY (pays no
     * money to enterprises), NOT_FOR_ENTERPRISES (applies to localities), ERROR (the table gave no answer);
     * rules: every rule of the table checked against the figures.
     */
    public record MeasureAnswer(String measure, String clause, Label name, String status, BigDecimal amount, Label summary,
                                String key, Integer version, String roundName, List<PublishedRules.RuleCheck> rules,
                                List<Label> notes, boolean labelledDefault, String applyPage) {
    }

    public record Answer(List<MeasureAnswer> measures, BigDecimal total, Label disclaimer) {
    }

    /** What the signed-in enterprise's register and cases say; figures null where nothing is known. */
    public record Prefill(Long enterpriseId, String enterpriseName, Figures figures, List<Applied> applied) {
    }

    public record Applied(String measure, String caseNumber, String status) {
    }
}
