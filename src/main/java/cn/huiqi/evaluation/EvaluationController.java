package cn.huiqi.evaluation;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.PayloadTooLargeException;
import cn.huiqi.common.XlsxDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/evaluations")
@Tag(name = "地区评价 Locality evaluation", description = "措施5、6 的评价轮次、指标与数据 / Evaluation rounds, indicators and figures of measures 5 and 6")
class EvaluationController {

    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    private final EvaluationRounds rounds;
    private final Figures figures;
    private final RoundRankings rankings;

    EvaluationController(EvaluationRounds rounds, Figures figures, RoundRankings rankings) {
        this.rounds = rounds;
        this.figures = figures;
        this.rankings = rankings;
    }

    @GetMapping
    @Operation(summary = "评价轮次列表 / Evaluation rounds")
    List<EvaluationApi.RoundSummary> list() {
        return rounds.list();
    }

    @PostMapping
    @Operation(summary = "开设评价轮次（仅市工信局）/ Open an evaluation round (gxj only)")
    ResponseEntity<EvaluationApi.RoundView> open(@RequestBody(required = false) EvaluationApi.OpenRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(rounds.open(request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "评价轮次（地区只见本地区数据）/ A round (a locality sees only its own figures)")
    EvaluationApi.RoundView view(@PathVariable long id) {
        return rounds.view(id);
    }

    @PutMapping("/{id}/indicators/{code}")
    @Operation(summary = "调整指标目标值（仅市工信局，数据填报开始前，须说明理由）/ Change a target (gxj, before data entry)")
    EvaluationApi.RoundView target(@PathVariable long id, @PathVariable String code, @RequestBody(required = false) EvaluationApi.TargetRequest request) {
        return rounds.setTarget(id, code, request);
    }

    @PostMapping("/{id}/confirmation-start")
    @Operation(summary = "结束填报、开始数据确认（仅市工信局）/ Close data entry and start the confirmation period (gxj)")
    EvaluationApi.RoundView startConfirmation(@PathVariable long id) {
        return rounds.startConfirmation(id);
    }

    @GetMapping("/{id}/figures/template.xlsx")
    @Operation(summary = "统计数据导入模板（市统计局、市工信局）/ The import template (tjj, gxj)")
    ResponseEntity<byte[]> template(@PathVariable long id) {
        return XlsxDownload.of("统计数据导入模板-" + id + ".xlsx", figures.template(id));
    }

    @PostMapping(path = "/{id}/figures/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入统计数据 xlsx（市统计局、市工信局；任何一格有误整个文件不予导入）/ Import official figures (any bad cell refuses the file)")
    EvaluationApi.ImportResult importFile(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new PayloadTooLargeException("file", "文件超过 2 MB", "The file is larger than 2 MB");
        }
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "文件为空", "The file is empty");
        }
        return figures.importFile(id, file.getBytes());
    }

    @PostMapping("/{id}/figures/self-reported")
    @Operation(summary = "地区自报数据（统计部门无数据时，须附证明材料）/ A locality's own figure, with evidence")
    ResponseEntity<EvaluationApi.FigureView> selfReport(@PathVariable long id, @RequestBody(required = false) EvaluationApi.SelfReportRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(figures.selfReport(id, request));
    }

    @PostMapping("/{id}/figures/by-lead-bureau")
    @Operation(summary = "市工信局评分或更正数据（更正须说明理由）/ gxj scores or corrects a figure (a correction needs a reason)")
    EvaluationApi.FigureView byLeadBureau(@PathVariable long id, @RequestBody(required = false) EvaluationApi.GxjFigureRequest request) {
        return figures.byLeadBureau(id, request);
    }

    @PostMapping("/{id}/localities/{unit}/confirmation")
    @Operation(summary = "地区确认本地区数据 / A locality confirms its figures")
    EvaluationApi.ConfirmationResult confirm(@PathVariable long id, @PathVariable String unit) {
        return figures.confirm(id, unit);
    }

    @PostMapping("/{id}/figures/{figureId}/dispute")
    @Operation(summary = "地区对本地区数据提出异议（须说明理由）/ A locality disputes one of its figures")
    EvaluationApi.FigureView dispute(@PathVariable long id, @PathVariable long figureId, @RequestBody(required = false) EvaluationApi.DisputeRequest request) {
        return figures.dispute(id, figureId, request);
    }

    @PostMapping("/{id}/figures/{figureId}/resolution")
    @Operation(summary = "市工信局处理异议（维持或更正，须说明理由）/ gxj resolves a dispute")
    EvaluationApi.FigureView resolve(@PathVariable long id, @PathVariable long figureId, @RequestBody(required = false) EvaluationApi.ResolutionRequest request) {
        return figures.resolve(id, figureId, request);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "数据变动记录（市工信局；地区只见本地区）/ The timeline of changes")
    List<EvaluationApi.EventView> timeline(@PathVariable long id, @RequestParam(required = false) String unit) {
        return figures.timeline(id, unit);
    }

    @GetMapping("/{id}/ranking")
    @Operation(summary = "评分与排名（数据全部确认后；地区在通报前只见本地区）/ Scores and ranking (after the confirmation; a locality sees its own line until circulation)")
    EvaluationApi.RankingView ranking(@PathVariable long id) {
        return rankings.ranking(id);
    }

    @GetMapping("/{id}/score-sheet.xlsx")
    @Operation(summary = "评分表 xlsx（仅市工信局）/ The score sheet (gxj only)")
    ResponseEntity<byte[]> scoreSheet(@PathVariable long id) {
        return XlsxDownload.of("评分表-" + id + ".xlsx", rankings.scoreSheet(id));
    }
}
