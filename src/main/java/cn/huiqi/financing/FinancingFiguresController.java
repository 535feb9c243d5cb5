package cn.huiqi.financing;

import java.math.BigDecimal;
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
@RequestMapping("/api/financing")
@Tag(name = "融资统计 Financing figures", description = "措施8 融资需求对接统计 / Figures of the financing demands of measure 8")
class FinancingFiguresController {

    static final List<String> HEADERS = List.of("分组", "名称", "融资需求（笔）", "已被对接（笔）", "授信金额（元）", "放款金额（元）",
            "已有授信决定（笔）", "平均用时（工作日，发布至首个授信决定）");

    static final List<String[]> NOTES = List.<String[]>of(
            new String[] {"融资需求", "企业提出的全部融资需求；按金融机构分组时为该机构对接过的需求"},
            new String[] {"已被对接", "至少有一家金融机构对接的需求"},
            new String[] {"授信金额", "各机构授信决定中批准金额之和（元，精确到分）"},
            new String[] {"放款金额", "已放款需求的放款金额之和；按金融机构分组时计入企业选定的机构"},
            new String[] {"平均用时", "自发布至第一个授信决定（批准或不予授信）的工作日数的平均，保留一位小数；尚无决定的需求不计入"});

    private final FinancingFigures figures;

    FinancingFiguresController(FinancingFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/figures")
    @Operation(summary = "融资需求对接统计（市金融办、市工信局、市中小企业局、审计全部；属地只见本地区企业）/ Financing figures")
    FinancingFigures.View figures(@RequestParam(required = false) String by) {
        return figures.figures(by);
    }

    @GetMapping("/figures.xlsx")
    @Operation(summary = "融资需求对接统计 xlsx / The financing figures as xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String by) {
        FinancingFigures.View view = figures.figures(by);
        List<List<Object>> rows = new ArrayList<>();
        for (FinancingFigures.Row row : view.rows()) {
            rows.add(new ArrayList<>(List.of(view.byZh(), row.label(), row.demands(), row.takenUp(), row.approvedAmount().toPlainString(),
                    row.grantedAmount().toPlainString(), row.decided(), days(row.averageWorkingDaysToDecision()))));
        }
        byte[] workbook = Spreadsheet.write("融资需求对接统计", List.of("融资需求对接统计（" + view.byZh() + "）"), HEADERS, rows, NOTES);
        return XlsxDownload.of("融资需求对接统计-" + view.by() + ".xlsx", workbook);
    }

    private static String days(BigDecimal average) {
        return average == null ? "—" : average.toPlainString();
    }
}
