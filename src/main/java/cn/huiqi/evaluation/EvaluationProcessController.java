package cn.huiqi.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The process of a round as pages read it (step, ranking once circulated, award cases) and the localities' 复核申请. */
@RestController
@RequestMapping("/api/evaluations/{id}")
@Tag(name = "地区评价 Locality evaluation")
class EvaluationProcessController {

    record OpenTask(String taskId, String step, String name, String candidateGroup, Instant due) {
    }

    record ProcessView(long roundId, String status, String statusZh, String businessKey, List<OpenTask> openTasks, String preparedBy,
                       String checkedBy, String approvalDocument, LocalDate approvalDate, Instant circulatedAt, Instant reviewDue,
                       RankingApi.Ranking ranking, List<AwardCaseView> awardCases, cn.huiqi.common.Label processNote) {
    }

    /** An award case with its case number and where it stands (预留资金, 公示, 已拨付 …). */
    record AwardCaseView(String unit, long caseId, String caseNumber, BigDecimal amount, String status, String statusZh) {
    }

    private static final Set<EvaluationStatus> CIRCULATED = Set.of(EvaluationStatus.CIRCULATED, EvaluationStatus.AWARDED);

    private final EvaluationAccess access;
    private final EvaluationRounds rounds;
    private final RoundProcessStore processStore;
    private final EvaluationProcess process;
    private final ReviewRequests requests;
    private final TaskService taskService;
    private final CaseRecordRepository caseRecords;
    private final CaseLifecycles lifecycles;

    EvaluationProcessController(EvaluationAccess access, EvaluationRounds rounds, RoundProcessStore processStore, EvaluationProcess process,
                                ReviewRequests requests, TaskService taskService, CaseRecordRepository caseRecords, CaseLifecycles lifecycles) {
        this.caseRecords = caseRecords;
        this.lifecycles = lifecycles;
        this.access = access;
        this.rounds = rounds;
        this.processStore = processStore;
        this.process = process;
        this.requests = requests;
        this.taskService = taskService;
    }

    @GetMapping("/process")
    @Operation(summary = "评价流程进度；排名在通报后各地区可见 / Where the round's process stands; the ranking once circulated")
    ProcessView process(@PathVariable long id) {
        Caller caller = access.reader();
        EvaluationStore.Round round = rounds.find(id);
        RoundProcessStore.ProcessState state = processStore.state(id);
        boolean all = EvaluationAccess.readsAll(caller);
        List<OpenTask> tasks = all ? taskService.createTaskQuery().processInstanceBusinessKey(RoundProcess.businessKey(id)).list().stream()
                .map(t -> new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), "gxj", t.getDueDate() == null ? null : t.getDueDate().toInstant()))
                .toList() : List.of();
        RankingApi.Ranking ranking = state.rankingJson() != null && (all || CIRCULATED.contains(round.status())) ? process.ranking(state) : null;
        List<String> own = access.ownLocalities(caller);
        List<AwardCaseView> awards = processStore.awardCases(id).stream().filter(a -> all || own.contains(a.unit()))
                .map(a -> caseRecords.findById(a.caseId())
                        .map(c -> new AwardCaseView(a.unit(), a.caseId(), c.getCaseNumber(), a.amount(), c.getStatus(), lifecycles.statusOf(c).zh()))
                        .orElse(new AwardCaseView(a.unit(), a.caseId(), null, a.amount(), null, null)))
                .toList();
        return new ProcessView(id, round.status().name(), round.status().label().zh(), RoundProcess.businessKey(id), tasks,
                all ? state.preparedBy() : null, all ? state.checkedBy() : null, state.approvalDocument(), state.approvalDate(),
                state.circulatedAt(), state.reviewDue(), ranking, awards, state.processInstanceId() == null ? withoutProcess(round) : null);
    }

    /** Why a round has no process (yet): said on the page instead of an empty step list. */
    static cn.huiqi.common.Label withoutProcess(EvaluationStore.Round round) {
        if (round.status() == EvaluationStatus.DATA_ENTRY || round.status() == EvaluationStatus.CONFIRMATION) {
            return cn.huiqi.common.Label.of("本轮开设于评价流程上线之前，尚无流程；系统下次启动时按本轮所处阶段补建流程（数据填报中：从“确认数据采集完毕”开始；"
                            + "已在确认期：从等待确认开始）",
                    "This round was opened before the evaluation process existed; the system gives it its process at the next start,"
                            + " at the step it stands at (data entry: \"confirm data entry complete\"; confirmation: waiting for the confirmation)");
        }
        return cn.huiqi.common.Label.of("本轮没有流程：其状态不是由评价流程写入的（例如数据迁移），系统不会为其补建流程，后续步骤须由系统管理员处理",
                "This round has no process: its status was not written by the evaluation process (a data migration, for instance);"
                        + " the system does not start one for it, and its further steps need the system administrator");
    }

    @PostMapping("/review-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "地区申请复核本地区数据和得分（复核期内）/ A locality asks for a recheck of its own figures and score")
    ReviewRequests.RequestView file(@PathVariable long id, @RequestBody(required = false) ReviewRequests.FileRequest request) {
        return requests.file(id, request);
    }

    @GetMapping("/review-requests")
    @Operation(summary = "复核申请 / Review requests")
    List<ReviewRequests.RequestView> list(@PathVariable long id) {
        return requests.list(id);
    }
}
