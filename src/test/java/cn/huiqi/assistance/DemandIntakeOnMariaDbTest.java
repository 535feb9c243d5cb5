package cn.huiqi.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.testsupport.QuietLoggers;
import cn.huiqi.testsupport.SharedMariaDbApp;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestUsers;

/**
 * The one way a demand opens (DemandIntake) on MariaDB: the case (M7 number, status 待受理, the enterprise's locality),
 * the demand row, the first timeline line, and the process started by the app at 受理 for the locality read from the
 * case record.
 */
class DemandIntakeOnMariaDbTest extends SharedMariaDbApp {

    private static final String PASSWORD = "Demand-Intake-2023";

    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    DemandIntake intake;
    @Autowired
    DemandRepository demands;
    @Autowired
    CaseRecordRepository cases;
    @Autowired
    EnterpriseRegister register;
    @Autowired
    EnterpriseRepository enterprises;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDemandOpensItsCaseAndTheAppStartsItsProcessAtAcceptanceByTheEnterprisesLocality() {
        String user = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        Enterprise enterprise = enterprises.findById(register.ownEnterpriseOf(user).orElseThrow()).orElseThrow();

        CaseRecord opened = TestUsers.as(identityService, user, () -> intake.open(new NewDemand(enterprise, DemandOrigin.ENTERPRISE,
                DemandCategory.RECRUITMENT, null, null, "急需招聘焊工20名", "扩产后缺少熟练焊工。", null, null, "key-1", List.of())));

        CaseRecord caseRecord = cases.findById(opened.getId()).orElseThrow();
        assertThat(caseRecord.getCaseNumber()).startsWith("M7-2023-");
        assertThat(caseRecord.getStatus()).isEqualTo("SUBMITTED");
        assertThat(caseRecord.getLocalityUnitId()).isEqualTo("donghu");
        assertThat(caseRecord.getProcessInstanceId()).isNotNull();
        Demand demand = demands.findById(caseRecord.getId()).orElseThrow();
        assertThat(demand.getCategory()).isEqualTo(DemandCategory.RECRUITMENT);
        assertThat(demand.getOrigin()).isEqualTo(DemandOrigin.ENTERPRISE);
        assertThat(jdbc.queryForObject("SELECT actor FROM case_event WHERE case_id = ? AND action = 'SUBMITTED'", String.class,
                caseRecord.getId())).isEqualTo(user);

        Task accept = taskService.createTaskQuery().processInstanceId(caseRecord.getProcessInstanceId()).singleResult();
        assertThat(accept.getTaskDefinitionKey()).isEqualTo("Task_Accept");
        assertThat(taskService.getIdentityLinksForTask(accept.getId()).stream().map(IdentityLink::getGroupId))
                .containsExactly("donghu");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseRecord.getProcessInstanceId())
                .singleResult().getBusinessKey()).isEqualTo(caseRecord.getCaseNumber());

        // a retry with the same key finds the same case
        assertThat(intake.retried(new NewDemand(enterprise, DemandOrigin.ENTERPRISE, DemandCategory.RECRUITMENT, null, null,
                "x", "y", null, null, "key-1", List.of()))).map(CaseRecord::getId).contains(caseRecord.getId());

        // the process binds only a demand case without a process: a second start for the same case fails
        // (the engine logs each refused command with its stack trace: quiet here, the refusal is what is tested)
        assertThatThrownBy(QuietLoggers.during(() -> runtimeService.startProcessInstanceByKey(AssistanceMeasure.PROCESS_KEY,
                caseRecord.getCaseNumber()), "org.camunda.bpm.engine.context")).hasMessageContaining("started only by DemandIntake");
        assertThatThrownBy(QuietLoggers.during(() -> runtimeService.startProcessInstanceByKey(AssistanceMeasure.PROCESS_KEY),
                "org.camunda.bpm.engine.context")).hasMessageContaining("started only by DemandIntake");
    }
}
