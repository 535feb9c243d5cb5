package cn.huiqi.assistance;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.common.Spreadsheet;
import cn.huiqi.common.XlsxDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/assistance")
@Tag(name = "帮扶统计 Assistance figures", description = "措施7 诉求办理统计 / Figures of the demands of measure 7")
class AssistanceFiguresController {

    static final List<String> HEADERS = List.of("分组", "名称", "收到诉求", "已受理", "按时受理", "已解决", "部分解决", "已答复",
            "按时答复", "按时答复率(%)", "已评价", "满意（含基本满意）", "满意率(%)", "当前超时");

    static final List<String[]> NOTES = List.<String[]>of(
            new String[] {"统计范围", "统计期间内提出的诉求（按提出日期，中国时间）；合计行每件诉求只计一次"},
            new String[] {"按办理单位", "收到：诉求曾交办的每个单位各计一次（转办的诉求两个单位都计）；其余各项计入现在或最后承办的单位；尚未交办的计入受理的属地"},
            new String[] {"按时受理/按时答复", "诉求记录的按时受理、按时答复（按工作日时限判定）"},
            new String[] {"按时答复率", "按时答复 ÷ 已答复 × 100%，保留一位小数（四舍五入）；无已答复的为 —"},
            new String[] {"满意率", "（满意 + 基本满意）÷ 已评价 × 100%，含逾期未评价按默认处理的评价；无已评价的为 —"},
            new String[] {"当前超时", "办理中的诉求当前步骤已超过办理时限（以流程引擎时间为准）"});

    private final AssistanceFigures figures;

    AssistanceFiguresController(AssistanceFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/figures")
    @Operation(summary = "诉求办理统计（市工信局、审计全部；属地只见本地区；办理单位只见本单位）/ Demand figures (gxj and auditors all; a locality its own; a unit its own)")
    AssistanceFigures.View figures(@RequestParam(required = false) String by, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to) {
        return figures.figures(by, from, to);
    }

    @GetMapping("/figures/cases")
    @Operation(summary = "某项统计所含诉求（可读的案件）/ The demands behind one figure")
    AssistanceFigures.Cases cases(@RequestParam(required = false) String by, @RequestParam(required = false) String key,
                                  @RequestParam(required = false) String figure, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        return figures.cases(by, key, figure, from, to);
    }

    @GetMapping("/figures.xlsx")
    @Operation(summary = "诉求办理统计 xlsx / The figures as xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String by, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        AssistanceFigures.View view = figures.figures(by, from, to);
        String grouping = FigureGrouping.ofCode(view.by()).label().zh();
        List<List<Object>> rows = new ArrayList<>();
        for (AssistanceFigures.Row row : view.rows()) {
            rows.add(cells(grouping, row));
        }
        rows.add(cells("", view.totals()));
        byte[] workbook = Spreadsheet.write("诉求办理统计",
                List.of("惠企帮扶诉求办理统计（" + grouping + "）", "统计期间：" + view.from() + " 至 " + view.to() + "（按提出日期）"),
                HEADERS, rows, NOTES);
        return XlsxDownload.of("诉求办理统计-" + view.by() + "-" + view.from() + "-" + view.to() + ".xlsx", workbook);
    }

    private static List<Object> cells(String grouping, AssistanceFigures.Row row) {
        return new ArrayList<>(List.of(grouping, row.label(), row.received(), row.accepted(), row.acceptedOnTime(),
                row.solved(), row.partlySolved(), row.replied(), row.repliedOnTime(), rate(row.onTimeRate()), row.rated(),
                row.satisfied(), rate(row.satisfactionRate()), row.overdueNow()));
    }

    private static String rate(java.math.BigDecimal percent) {
        return percent == null ? "—" : percent.toPlainString();
    }
}
