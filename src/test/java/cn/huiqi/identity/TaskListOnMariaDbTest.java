package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.reflection.MetaObject;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.MariaDbTestDatabase;
import cn.huiqi.testsupport.TestUsers;
import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

/**
 * A unit's Tasklist queue with authorization on, on MariaDB (docs/performance.md, "Task lists"): a member
 * lists and counts exactly the unit's open tasks, and the SQL the engine issues for it is planned on indexes,
 * each task's authorization looked up by key, never the block-nested-loop join over every authorization, the
 * unit's own per-task grant from an index alone.
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(TaskListOnMariaDbTest.Contracts.class)
class TaskListOnMariaDbTest {

    /** One single-task process per unit, the task its candidate unit's (every BPMN needs its contracts). */
    @TestComponent
    static class Contracts implements TaskContractDeclarations {
        @Override
        public List<TaskContract> taskContracts() {
            return UNITS.stream().map(unit -> TaskContract.userTask(PROCESS + unit, "verify", TaskRole.group(unit))).toList();
        }
    }

    private static final String PROCESS = "task-list-";
    private static final String PASSWORD = "Queue-Member-2023";
    private static final List<String> UNITS = List.of("donghu", "xihu", "qingyunpu", "qingshanhu", "xinjian", "gxj", "swj");
    private static final int DONGHU_TASKS = 40;

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        // its own database (docs/testing.md): counts every open task of donghu
        MariaDbTestDatabase.register(registry, "huiqi_task_list");
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.AuthorizationService authorizationService;

    final Set<String> donghuTasks = new HashSet<>();

    @BeforeAll
    void openTasksInSeveralUnits() {
        for (String unit : UNITS) {
            repositoryService.createDeployment().name(PROCESS + unit)
                    .addModelInstance(PROCESS + unit + ".bpmn", Bpmn.createExecutableProcess(PROCESS + unit)
                            .camundaHistoryTimeToLive(1)
                            .startEvent().userTask("verify").camundaCandidateGroups(unit).endEvent()
                            .done())
                    .deploy();
            for (int i = 0; i < DONGHU_TASKS; i++) {
                String instance = runtimeService.startProcessInstanceByKey(PROCESS + unit).getId();
                if (unit.equals("donghu")) {
                    donghuTasks.add(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
                }
            }
        }
        TestUsers.person(identityService, "queue-donghu", "donghu", PASSWORD);
        jdbc.execute("analyze table ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_AUTHORIZATION, ACT_RE_PROCDEF");
    }

    @Test
    void aMemberPagesAndCountsExactlyTheUnitsTasks() {
        HttpApi member = HttpApi.as(port, "queue-donghu", PASSWORD);

        assertThat(member.getJson("/engine-rest/task/count?candidateGroup=donghu").get("count").asLong())
                .isEqualTo(DONGHU_TASKS);
        List<String> firstPage = ids(member.getJson("/engine-rest/task?candidateGroup=donghu&firstResult=0&maxResults=15"));
        assertThat(firstPage).hasSize(15).allMatch(donghuTasks::contains);
        assertThat(ids(member.getJson("/engine-rest/task?maxResults=1000"))).containsExactlyInAnyOrderElementsOf(donghuTasks);
        assertThat(member.getJson("/engine-rest/task/count?candidateGroup=xihu").get("count").asLong()).isZero();
    }

    @Test
    void theQueueIsPlannedOnIndexesWithEachTasksGrantLookedUpByKey() {
        assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getAuthorizationCheckRevokes())
                .isEqualTo("always");
        for (String statement : List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria")) {
            List<Map<String, Object>> plan = explain(engineSql(statement, "donghu"));

            assertThat(plan).as(statement + ": the candidate filter reads the group index")
                    .anySatisfy(row -> {
                        assertThat(row.get("table")).isEqualTo("I");
                        assertThat(row.get("key")).isEqualTo("ACT_UNIQ_IDENT_LNK_GROUP_TASK");
                    });
            assertThat(plan).as(statement + ": no authorization join, no full scan of ACT_RU_AUTHORIZATION, each look-up by a key")
                    .noneSatisfy(row -> assertThat(String.valueOf(row.get("table"))).startsWith("<derived"))
                    .noneSatisfy(row -> assertThat(String.valueOf(row.get("Extra"))).contains("join buffer"))
                    .filteredOn(row -> "A".equals(row.get("table")) || "R".equals(row.get("table")))
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row.get("type")).isIn("eq_ref", "ref", "const", "index_subquery", "unique_subquery", "range", "index_merge"));
        }
    }

    @Test
    void grantsAndRevokesAreTheEnginesAsTheSubqueriesCheckThem() {
        String revoked = donghuTasks.iterator().next();
        String xihuTask = taskService.createTaskQuery().taskCandidateGroup("xihu").list().get(0).getId();
        HttpApi member = HttpApi.as(port, "queue-donghu", PASSWORD);
        var user = authorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT, xihuTask,
                org.camunda.bpm.engine.authorization.Permissions.READ);
        try {
            assertThat(member.getJson("/engine-rest/task/count?candidateGroup=xihu").get("count").asLong())
                    .as("a grant of the member's own on one of xihu's tasks").isEqualTo(1);
            assertThat(ids(member.getJson("/engine-rest/task?candidateGroup=xihu&maxResults=15"))).containsExactly(xihuTask);

            var revoke = authorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE, revoked,
                    org.camunda.bpm.engine.authorization.Permissions.READ);
            try {
                assertThat(engineSql("selectTaskCountByQueryCriteria", "donghu")).as("the engine's own count, with its CASE chain")
                        .contains("CASE WHEN").contains("A.TYPE_ = 2");
                assertThat(member.getJson("/engine-rest/task/count?candidateGroup=donghu").get("count").asLong())
                        .as("a REVOKE of the member's on one of donghu's tasks: the engine's CASE chain decides").isEqualTo(DONGHU_TASKS - 1);
                assertThat(ids(member.getJson("/engine-rest/task?candidateGroup=donghu&maxResults=1000")))
                        .hasSize(DONGHU_TASKS - 1).doesNotContain(revoked);
                assertThat(member.getJson("/engine-rest/task/count?candidateGroup=xihu").get("count").asLong()).isEqualTo(1);
            } finally {
                authorizationService.deleteAuthorization(revoke);
            }
            assertThat(member.getJson("/engine-rest/task/count?candidateGroup=donghu").get("count").asLong()).isEqualTo(DONGHU_TASKS);
        } finally {
            authorizationService.deleteAuthorization(user);
        }
        assertThat(member.getJson("/engine-rest/task/count?candidateGroup=xihu").get("count").asLong()).isZero();
    }

    @Test
    void aRevokeDecidesTheCheckOfOneTaskAsTheEnginesCaseChain() {
        var tasks = donghuTasks.iterator();
        String revoked = tasks.next();
        String other = tasks.next();
        String xihuTask = taskService.createTaskQuery().taskCandidateGroup("xihu").list().get(0).getId();
        assertThat(readable(revoked)).as("the unit's grant, no REVOKE: the statement without its REVOKE branches").isTrue();
        assertThat(readable(xihuTask)).as("no grant").isFalse();

        var revoke = authorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE, revoked,
                org.camunda.bpm.engine.authorization.Permissions.READ);
        try {
            assertThat(readable(revoked)).as("a REVOKE of the member's beats the unit's grant: the engine's CASE chain").isFalse();
            assertThat(readable(other)).isTrue();
        } finally {
            authorizationService.deleteAuthorization(revoke);
        }
        // a grant to everyone ('*') on one of xihu's tasks, which a REVOKE of the unit's own beats (the chain: user, group, global)
        String everyoneId = authorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL, null, null, xihuTask,
                org.camunda.bpm.engine.authorization.Permissions.READ);
        try {
            assertThat(readable(xihuTask)).as("the grant to everyone").isTrue();
            String unitRevokeId = authorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE, null, "donghu",
                    xihuTask, org.camunda.bpm.engine.authorization.Permissions.READ);
            try {
                assertThat(readable(xihuTask)).as("a REVOKE of the unit's beats the grant to everyone").isFalse();
                assertThat(readable(revoked)).isTrue();
            } finally {
                authorizationService.deleteAuthorization(unitRevokeId);
            }
            assertThat(readable(xihuTask)).isTrue();
        } finally {
            authorizationService.deleteAuthorization(everyoneId);
        }
        assertThat(readable(revoked)).isTrue();
        assertThat(readable(other)).isTrue();
    }

    private boolean readable(String taskId) {
        return authorizationService.isUserAuthorized("queue-donghu", List.of("donghu"),
                org.camunda.bpm.engine.authorization.Permissions.READ, org.camunda.bpm.engine.authorization.Resources.TASK, taskId);
    }

    private String authorization(int type, String taskId, org.camunda.bpm.engine.authorization.Permission permission) {
        return authorization(type, "queue-donghu", null, taskId, permission);
    }

    /** An authorization of a user, of a group or (neither: a global one) on one task. */
    private String authorization(int type, String userId, String groupId, String taskId,
                                 org.camunda.bpm.engine.authorization.Permission permission) {
        var authorization = authorizationService.createNewAuthorization(type);
        if (userId != null) {
            authorization.setUserId(userId);
        }
        if (groupId != null) {
            authorization.setGroupId(groupId);
        }
        authorization.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
        authorization.setResourceId(taskId);
        if (type == org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE) {
            authorization.removePermission(permission);
        } else {
            authorization.addPermission(permission);
        }
        return authorizationService.saveAuthorization(authorization).getId();
    }

    /**
     * The count takes the unit's per-task grants apart (GrantsAsSubqueries.groupTaskGrantPerms): each probe read from the
     * covering index alone; the member's other grants are read first and their tasks counted once, never twice.
     */
    @Test
    void theCountProbesTheUnitsTaskGrantsInTheCoveringIndexAndCountsEveryTaskOnce() {
        assertThat(explain(engineSql("selectTaskCountByQueryCriteria", "donghu"))).as("the unit's grant of each task, from the index alone")
                .anySatisfy(row -> {
                    assertThat(row.get("table")).isEqualTo("A");
                    assertThat(row.get("key")).isEqualTo("ACT_IDX_AUTH_GROUP_PERMS");
                    assertThat(String.valueOf(row.get("Extra"))).contains("Using index");
                });
        HttpApi member = HttpApi.as(port, "queue-donghu", PASSWORD);
        String donghuTask = donghuTasks.iterator().next();
        String xihuTask = taskService.createTaskQuery().taskCandidateGroup("xihu").list().get(0).getId();
        int grant = org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
        var onOwnUnitsTask = authorization(grant, donghuTask, org.camunda.bpm.engine.authorization.Permissions.READ);
        var onOtherUnitsTask = authorization(grant, xihuTask, org.camunda.bpm.engine.authorization.Permissions.READ);
        var everyonesOnOwnUnitsTask = authorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL, null, null,
                donghuTask, org.camunda.bpm.engine.authorization.Permissions.READ);
        try {
            assertThat(member.getJson("/engine-rest/task/count?candidateGroup=donghu").get("count").asLong())
                    .as("a task the unit's grant, the member's own and everyone's name: once").isEqualTo(DONGHU_TASKS);
            assertThat(ids(member.getJson("/engine-rest/task?candidateGroup=donghu&maxResults=1000"))).hasSize(DONGHU_TASKS);
            assertThat(member.getJson("/engine-rest/task/count?candidateGroupIn=donghu,xihu").get("count").asLong())
                    .as("and a task of another unit only the member's own grant names").isEqualTo(DONGHU_TASKS + 1);
            assertThat(member.getJson("/engine-rest/task/count?candidateGroup=xihu").get("count").asLong()).isEqualTo(1);
        } finally {
            authorizationService.deleteAuthorization(everyonesOnOwnUnitsTask);
            authorizationService.deleteAuthorization(onOtherUnitsTask);
            authorizationService.deleteAuthorization(onOwnUnitsTask);
        }
        assertThat(member.getJson("/engine-rest/task/count?candidateGroupIn=donghu,xihu").get("count").asLong()).isEqualTo(DONGHU_TASKS);
    }

    @Test
    void aUnitsPageIsTheEnginesStatementWithoutDistinctReadInTheSortsOrder() {
        String page = engineSql("selectTaskByQueryCriteria", "donghu");
        assertThat(page).as("the engine's page, run as process.TaskListStatementsPlugin's statement")
                .startsWith("SET STATEMENT optimizer_join_limit_pref_ratio = 1")
                .contains(" FOR select RES.REV_, RES.ID_")
                .doesNotContainIgnoringCase("distinct")
                .contains("RES.ID_ in (select A.RESOURCE_ID_ from ACT_RU_AUTHORIZATION A where A.TYPE_ < 2 and ( A.USER_ID_ in ( 'queue-donghu', '*') or A.GROUP_ID_ in ( 'donghu' ) )")
                .contains("order by I.TASK_ID_ asc LIMIT 15 OFFSET 0");
        List<Map<String, Object>> plan = explain(page);
        assertThat(plan.get(0)).as("the queue read from its key in the page's order (task id), so the query stops after its rows")
                .containsEntry("table", "I").containsEntry("key", "ACT_UNIQ_IDENT_LNK_GROUP_TASK");
        assertThat(plan).noneSatisfy(row -> assertThat(String.valueOf(row.get("Extra"))).containsAnyOf("temporary", "filesort"));

        assertThat(engineSql("selectTaskByQueryCriteria", "donghu", "xihu"))
                .as("two groups: a task linked to both would come twice, so the engine's distinct stays")
                .doesNotStartWith("SET STATEMENT").containsIgnoringCase("select distinct");
        assertThat(engineSql("selectTaskCountByQueryCriteria", "donghu")).as("the count: one group, no distinct, grants by id as a semi-join")
                .startsWith("select ( select count( RES.ID_)").contains("and RES.ID_ in (select A.RESOURCE_ID_")
                .doesNotContain("A.TYPE_ = 2");
        assertThat(engineSql("selectTaskCountByQueryCriteria", "donghu", "xihu")).contains("select count( distinct RES.ID_)");
        assertThat(explain(engineSql("selectTaskCountByQueryCriteria", "donghu")))
                .as("the grants of the caller's queue joined once, not looked up by a subquery per task")
                .anySatisfy(row -> assertThat(String.valueOf(row.get("Extra"))).containsAnyOf("FirstMatch", "LooseScan", "Start temporary"));
    }

    /** EXPLAIN, within the statement's own SET STATEMENT; sent by execute() as MyBatis sends it (executeQuery() refuses a SET). */
    private List<Map<String, Object>> explain(String sql) {
        int select = sql.indexOf(" FOR select ");
        String explain = sql.startsWith("SET STATEMENT") ? sql.substring(0, select) + " FOR EXPLAIN " + sql.substring(select + 5) : "EXPLAIN " + sql;
        return jdbc.execute((java.sql.Statement statement) -> {
            statement.execute(explain);
            return new org.springframework.jdbc.core.RowMapperResultSetExtractor<>(new org.springframework.jdbc.core.ColumnMapRowMapper())
                    .extractData(statement.getResultSet());
        });
    }

    /** The SQL the engine sends for these groups' queue as donghu's member, parameters inlined, as MyBatis binds it. */
    private String engineSql(String statement, String... groups) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        identityService.setAuthentication("queue-donghu", List.of("donghu"));
        try {
            return configuration.getCommandExecutorTxRequired().execute(context -> {
                TaskQueryImpl query = (TaskQueryImpl) (groups.length == 1 ? taskService.createTaskQuery().taskCandidateGroup(groups[0])
                        : taskService.createTaskQuery().taskCandidateGroupIn(List.of(groups)));
                query.setFirstResult(0);
                query.setMaxResults(15);
                context.getAuthorizationManager().configureTaskQuery(query);
                context.getTenantManager().configureQuery(query);
                MappedStatement mapped = configuration.getSqlSessionFactory().getConfiguration()
                        .getMappedStatement(configuration.getDbSqlSessionFactory().mapStatement(statement));
                BoundSql bound = mapped.getBoundSql(query);
                MetaObject parameters = mapped.getConfiguration().newMetaObject(query);
                StringBuilder sql = new StringBuilder();
                String[] parts = bound.getSql().split("\\?", -1);
                List<ParameterMapping> mappings = new ArrayList<>(bound.getParameterMappings());
                for (int i = 0; i < parts.length; i++) {
                    sql.append(parts[i]);
                    if (i < mappings.size()) {
                        String property = mappings.get(i).getProperty();
                        Object value = bound.hasAdditionalParameter(property) ? bound.getAdditionalParameter(property)
                                : parameters.getValue(property);
                        sql.append(value instanceof Number ? value.toString() : "'" + value + "'");
                    }
                }
                return sql.toString().replaceAll("\\s+", " ").trim();
            });
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static List<String> ids(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }
}
