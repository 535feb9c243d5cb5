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
 * A unit's Tasklist page on MySQL/MariaDB in the time of its 15 rows, not of the whole queue (docs/performance.md,
 * "Task lists"). The engine's MySQL dialect writes {@code select distinct}, and MariaDB materialises a distinct result
 * before it applies {@code limit}: every task of the queue was read and its authorization checked for one page. Through
 * the engine's own extension points - a MyBatis mapping added to the engine's SqlSessionFactory, and the
 * DbSqlSessionFactory's database-specific statement mapping that the engine consults for every statement it runs - the
 * engine runs {@code selectTaskPageByQueryCriteria} (cn/huiqi/process/task-page.xml) instead of its
 * {@code selectTaskByQueryCriteria}: the same fragments, the same authorization and tenant checks, without
 * {@code distinct} where {@link DistinctFreeTaskPage} shows that no join repeats a task. The count is the engine's own.
 * <p>
 * On MariaDB that also needs the optimizer to consider the plan that stops after the page, which it does not by
 * default (optimizer_join_limit_pref_ratio = 0), and to read the tasks in the sort's index order rather than by an
 * intersection of the "assignee is null" and "tenant is null" indexes: both set for this one statement
 * ({@code SET STATEMENT ... FOR}), where the server knows the setting (MariaDB 10.6.17, 10.11.7, 11.x and later).
 */
@Component
class TaskPageWithoutDistinctPlugin extends AbstractProcessEnginePlugin {

    static final String ENGINE_STATEMENT = "selectTaskByQueryCriteria";
    static final String PAGE_STATEMENT = "selectTaskPageByQueryCriteria";
    private static final String MAPPING = "cn/huiqi/process/task-page.xml";
    static final String MARIADB_HINT =
            "SET STATEMENT optimizer_join_limit_pref_ratio = 1, optimizer_switch = 'index_merge_intersection=off' FOR";

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
        mappings.put(ENGINE_STATEMENT, PAGE_STATEMENT);
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
