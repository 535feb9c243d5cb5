package cn.huiqi.process;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Creates Camunda's tables with Camunda's own create scripts ({@link CamundaEngineSchema}: utf8mb4 on MySQL / MariaDB),
 * run by Flyway before the engine starts (see {@link EngineStartsAfterFlyway}), instead of the engine's schema
 * auto-update. A new database takes them from the baseline {@link B58__New_database_schema} instead. A later engine
 * upgrade adds Camunda's upgrade scripts as further migrations the same way.
 */
@Component
public class V0_1__Camunda_engine_schema extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        CamundaEngineSchema.create(context.getConnection());
    }

    /** Camunda's name of the database ("mysql" for MySQL and MariaDB, "h2", ...): what a later migration runs on. */
    public static String camundaDatabaseType(String productName) {
        return CamundaEngineSchema.databaseType(productName);
    }
}
