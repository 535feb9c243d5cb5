package cn.huiqi.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * A unit's Tasklist page and count on MySQL/MariaDB in tens of milliseconds at 100,000 open tasks (docs/performance.md,
 * "Task lists"). Through the engine's own extension points - a MyBatis mapping added to the engine's SqlSessionFactory,
 * and the DbSqlSessionFactory's database-specific statement mapping that the engine consults for every statement it
 * runs - the engine runs cn/huiqi/process/task-list.xml's statements instead of its {@code selectTaskByQueryCriteria}
 * and {@code selectTaskCountByQueryCriteria}: built from the engine's fragments, with the same criteria and tenant
 * check, and
 * <ul>
 * <li>without {@code distinct} on a page where {@link DistinctFreeTaskPage} shows that no join repeats a task (the
 * MySQL dialect's {@code select distinct} made MariaDB read and check a unit's whole queue before {@code limit});</li>
 * <li>with the caller's grants checked as subqueries where {@link GrantsAsSubqueries} applies: what the engine answers
 * in its default revoke mode - the join form while no REVOKE applies to the caller, its CASE chain once one does -
 * in one index probe per row instead of the CASE chain's three subquery executions (the count has to check every
 * row of the queue).</li>
 * </ul>
 * On MariaDB the page also needs the optimizer to consider the plan that stops after the page, which it does not by
 * default (optimizer_join_limit_pref_ratio = 0), and to read the tasks in the sort's index order rather than by an
 * intersection of the "assignee is null" and "tenant is null" indexes, and to look each row's grants up by key rather
 * than materialise all of the caller's grants for 15 rows (materialization=off): set for that one statement
 * ({@code SET STATEMENT ... FOR}), where the server knows the setting (MariaDB 10.6.17, 10.11.7, 11.x and later).
 */
@Component
class TaskListStatementsPlugin extends AbstractProcessEnginePlugin {

    static final String ENGINE_PAGE = "selectTaskByQueryCriteria";
    static final String PAGE_STATEMENT = "selectTaskPageByQueryCriteria";
    static final String ENGINE_COUNT = "selectTaskCountByQueryCriteria";
    static final String COUNT_STATEMENT = "selectTaskCountWithGrantSubqueries";
    private static final String MAPPING = "cn/huiqi/process/task-list.xml";
    static final String MARIADB_HINT =
            "SET STATEMENT optimizer_join_limit_pref_ratio = 1, optimizer_switch = 'index_merge_intersection=off,materialization=off' FOR";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the database type may not be set yet (the starter's own plugins set it): the manager asks at run time
        EngineLists.add(configuration.getCustomSessionFactories(), RevokesAsked.FACTORY,
                configuration::setCustomSessionFactories);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!"mysql".equals(configuration.getDatabaseType())) {
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (!mybatis.hasStatement(PAGE_STATEMENT, false)) {
            mybatis.getVariables().setProperty("huiqiTaskPageHint", limitAwareOptimizer(configuration.getDataSource()) ? MARIADB_HINT : "");
            try (InputStream xml = getClass().getClassLoader().getResourceAsStream(MAPPING)) {
                new XMLMapperBuilder(xml, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        DbSqlSessionFactory statements = configuration.getDbSqlSessionFactory();
        Map<String, String> mappings = statements.getStatementMappings() == null ? new HashMap<>() : new HashMap<>(statements.getStatementMappings());
        mappings.put(ENGINE_PAGE, PAGE_STATEMENT);
        mappings.put(ENGINE_COUNT, COUNT_STATEMENT);
        statements.setStatementMappings(mappings);
    }

    /** MariaDB with optimizer_join_limit_pref_ratio; MySQL 8 prefers an ordering index for "order by ... limit" itself. */
    private static boolean limitAwareOptimizer(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!connection.getMetaData().getDatabaseProductVersion().contains("MariaDB")) {
                return false;
            }
            try (ResultSet ratio = statement.executeQuery("select @@optimizer_join_limit_pref_ratio")) {
                return ratio.next();
            }
        } catch (SQLException unknownSetting) {
            return false;
        }
    }
}
