package cn.huiqi.board;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.casefile.CaseListItem;
import cn.huiqi.common.ListPaging;
import cn.huiqi.common.Spreadsheet;
import cn.huiqi.common.XlsxDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "兑现看板 Fulfilment board", description = "措施9 政策兑现进度 / How fast the measures are fulfilled")
class BoardController {

    private final BoardReader readers;
    private final BoardFigures figures;
    private final BoardCases cases;

    BoardController(BoardReader readers, BoardFigures figures, BoardCases cases) {
        this.readers = readers;
        this.figures = figures;
        this.cases = cases;
    }

    @GetMapping("/api/board")
    @Operation(summary = "兑现看板（市工信局、市财政局、审计、市领导全部；属地只见本地区）/ The board (gxj, czj, auditors, leaders all; a locality its own)")
    BoardFigures.View board(@RequestParam(required = false) String measure, @RequestParam(required = false) String weeks) {
        BoardReader.Reader reader = readers.current();
        return figures.figures(reader, figures.measure(measure), BoardFigures.weeks(weeks));
    }

    @GetMapping("/api/board/cases")
    @Operation(summary = "某项数字所含案件（分页；只含调用者在案件列表中可见的案件）/ The cases behind one figure, paged; only those the caller's case list shows")
    ListPaging.Page<CaseListItem> cases(@RequestParam(required = false) String measure, @RequestParam(required = false) String locality,
                                        @RequestParam(required = false) String figure, @RequestParam(required = false) String page,
                                        @RequestParam(required = false) String size, @RequestParam(required = false) String sort,
                                        @RequestParam(required = false) String order) {
        return cases.find(readers.current(), measure, locality, figure, page, size, sort, order);
    }

    static final List<String> HEADERS = List.of("措施", "属地", "申请", "已批准（含已拨付）", "已驳回", "已拨付", "办理中", "已撤回",
            "批准金额（元）", "拨付金额（元）", "属地核实 中位数", "属地核实 P90", "市级审核 中位数", "市级审核 P90", "公示 中位数", "公示 P90",
            "拨付 中位数", "拨付 P90", "审核通过至拨付 中位数", "审核通过至拨付 P90", "全程 中位数", "全程 P90", "已办结", "按时办结",
            "按时率(%)", "当前超时");

    @GetMapping("/api/board.xlsx")
    @Operation(summary = "兑现看板 xlsx / The board as xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String measure) {
        BoardReader.Reader reader = readers.current();
        BoardFigures.View view = figures.figures(reader, figures.measure(measure), 12);
        List<List<Object>> rows = new ArrayList<>();
        for (BoardFigures.MeasureFigures m : view.measures()) {
            for (BoardFigures.Row row : m.localities()) {
                rows.add(cells(m.measure() + " " + m.nameZh(), row));
            }
            rows.add(cells(m.measure() + " " + m.nameZh(), m.total()));
        }
        rows.add(cells("", view.total()));
        List<String[]> notes = new ArrayList<>(List.of(
                new String[] {"统计时点", java.time.Instant.parse(view.asOf()).atZone(cn.huiqi.calendar.WorkingDays.CHINA)
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "（北京时间；当前超时以此时点的流程引擎时间为准）"},
                new String[] {"口径", "数字来自案件事件写入的看板数据（与案件、资金台账一致）；已批准含已拨付；驳回含不符合条件"},
                new String[] {"工作日", "各阶段用时按工作日计（自次日起算，民法典第201条）；中位数保留一位小数，P90 为最近秩"},
                new String[] {"按时率", "已办结案件中从未有步骤超过办理时限的比例；" + view.defaultsZh()}));
        if (view.packageFund() != null) {
            BoardFigures.Pool p = view.packageFund();
            notes.add(new String[] {"统筹资金（1亿元）", "额度 " + p.cap() + " 元；已拨付 " + p.paid() + " 元；已核定 " + p.committed() + " 元；已预留 "
                    + p.reserved() + " 元；余额 " + p.remaining() + " 元"});
            for (BoardFigures.MeasureFigures m : view.measures()) {
                if (m.pool() != null) {
                    notes.add(new String[] {"资金池 " + m.pool().id(), (m.pool().capSet() ? "额度 " + m.pool().cap() + " 元" : "额度尚未设定")
                            + "；已拨付 " + m.pool().paid() + " 元；余额 " + m.pool().remaining() + " 元"});
                }
            }
        }
        byte[] workbook = Spreadsheet.write("兑现看板", List.of("洪府办发〔2023〕81号 政策兑现看板",
                view.city() ? "范围：全市" : "范围：" + String.join("、", view.localities())), HEADERS, rows, notes);
        return XlsxDownload.of("兑现看板" + (measure == null || measure.isBlank() ? "" : "-" + measure.strip()) + ".xlsx", workbook);
    }

    private static List<Object> cells(String measure, BoardFigures.Row row) {
        List<Object> cells = new ArrayList<>(List.of(measure, row.labelZh(), row.applications(), row.approved(), row.rejected(), row.paid(),
                row.open(), row.withdrawn(), row.approvedAmount(), row.paidAmount()));
        for (BoardStage stage : BoardStage.values()) {
            StageDays days = row.stages().get(stage.key());
            cells.add(days.median() == null ? "—" : days.median());
            cells.add(days.p90() == null ? "—" : days.p90());
        }
        cells.add(row.finished());
        cells.add(row.onTime());
        cells.add(row.onTimeRate() == null ? "—" : row.onTimeRate().toPlainString());
        cells.add(row.overdueNow());
        return cells;
    }
}
