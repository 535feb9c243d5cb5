package cn.huiqi.testsupport;

import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.financing.InstitutionKind;

/**
 * Fresh financial institutions (measure 8) on a test's own context and database: the unit (kind INSTITUTION), its
 * group, its financial_institution row and one staff user in the group with the password given.
 */
public final class TestInstitutions {

    /** The institution's unit (= group) id and its staff user's id. */
    public record Created(String unitId, String userId) {
    }

    private TestInstitutions() {
    }

    /** A fresh active bank with one staff user. */
    public static Created freshBank(ApplicationContext context, String password) {
        return fresh(context, InstitutionKind.BANK, password);
    }

    /** A fresh active institution of this kind with one staff user. */
    public static Created fresh(ApplicationContext context, InstitutionKind kind, String password) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        String unitId = "fi-t-" + suffix;
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Integer sortOrder = jdbc.queryForObject("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM unit", Integer.class);
        jdbc.update("INSERT INTO unit (id, name_zh, name_en, kind, sort_order, handling, liaison, active, labelled_default, maintained)"
                + " VALUES (?, ?, ?, 'INSTITUTION', ?, FALSE, FALSE, TRUE, FALSE, TRUE)",
                unitId, "测试机构" + suffix, "Test institution " + suffix, sortOrder);
        jdbc.update("INSERT INTO financial_institution (unit_id, kind, contact_name, contact_phone, active, demo) VALUES (?, ?, ?, ?, TRUE, FALSE)",
                unitId, kind.name(), "测试联系人", "0791-80000000");
        String userId = unitId + "-staff";
        TestUsers.person(context.getBean(IdentityService.class), userId, unitId, password);
        return new Created(unitId, userId);
    }

    /** Another staff user of an existing institution. */
    public static String staff(ApplicationContext context, String unitId, String password) {
        String userId = unitId + "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
        TestUsers.person(context.getBean(IdentityService.class), userId, unitId, password);
        return userId;
    }
}
