package cn.huiqi.process;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * A task is a candidate of a group at most once (docs/performance.md, "Task lists"): V22's candidate-group index
 * ACT_IDX_IDENT_LNK_GROUP_TASK (GROUP_ID_, TYPE_, TASK_ID_) becomes the unique key ACT_UNIQ_IDENT_LNK_GROUP_TASK on the
 * same columns. The engine never checks this when it adds a link; a unit's task page is written without "distinct" on the
 * strength of it ({@link DistinctFreeTaskPage}), and workflow's StepGuard refuses a second link of a group with a 403
 * before it gets here. User links (GROUP_ID_ null) and process-definition links (TASK_ID_ null) are not constrained:
 * MariaDB, MySQL and H2 treat nulls in a unique key as distinct. The same columns, so the queue is still read from it
 * alone; a second index beside V22's would be one more write per link. Java, because H2 and MySQL drop an index in
 * different words.
 */
@Component
public class V40__Task_candidate_group_unique extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean mysql = V0_1__Camunda_engine_schema.camundaDatabaseType(connection.getMetaData().getDatabaseProductName()).equals("mysql");
        try (Statement statement = connection.createStatement()) {
            statement.execute(mysql ? "alter table ACT_RU_IDENTITYLINK drop index ACT_IDX_IDENT_LNK_GROUP_TASK"
                    : "drop index ACT_IDX_IDENT_LNK_GROUP_TASK");
            statement.execute("create unique index ACT_UNIQ_IDENT_LNK_GROUP_TASK on ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)");
        }
    }
}
