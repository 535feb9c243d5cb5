package cn.huiqi.review;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.enterprise.AgentRevoked;
import cn.huiqi.process.EngineAsSystem;

/**
 * When an enterprise revokes an agent (经办人授权撤销), the agent's open supplement tasks of that
 * enterprise's cases go to the enterprise account that revoked it. Later ones go to the enterprise's own
 * account by themselves ({@code CaseRouting.applicantOf}). Runs in the revoking transaction: all or nothing.
 * The agent could not complete them anyway ({@code EnterpriseRegister.actsFor} is false from the revocation on).
 */
@Component
class RevokedAgentWork {

    private final CaseRecordRepository cases;
    private final TaskService taskService;
    private final EngineAsSystem engineAsSystem;
    private final CaseTimeline timeline;

    RevokedAgentWork(CaseRecordRepository cases, TaskService taskService, EngineAsSystem engineAsSystem,
                     CaseTimeline timeline) {
        this.cases = cases;
        this.taskService = taskService;
        this.engineAsSystem = engineAsSystem;
        this.timeline = timeline;
    }

    @EventListener
    void returnToEnterprise(AgentRevoked revoked) {
        List<CaseRecord> submittedByAgent = cases.findByEnterpriseIdOrderBySubmittedAtDesc(revoked.enterpriseId()).stream()
                .filter(c -> revoked.agentUserId().equals(c.getSubmittedBy()) && c.getCaseNumber() != null).toList();
        List<CaseRecord> handedBack = new ArrayList<>();
        engineAsSystem.call(() -> {
            for (CaseRecord caseRecord : submittedByAgent) {
                boolean changed = false;
                for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(caseRecord.getCaseNumber())
                        .taskAssignee(revoked.agentUserId()).list()) {
                    taskService.setAssignee(task.getId(), revoked.revokedBy());
                    changed = true;
                }
                if (changed) {
                    handedBack.add(caseRecord);
                }
            }
            return null;
        });
        handedBack.forEach(c -> timeline.record(c, "AGENT_REVOKED",
                "经办人 " + revoked.agentUserId() + " 的授权已撤销，补正事项转由 " + revoked.revokedBy() + " 办理 / Agent "
                        + revoked.agentUserId() + " was revoked; supplements go to " + revoked.revokedBy()));
    }
}
