package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.identity.Groups;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.SharedMariaDbApp;
import cn.huiqi.testsupport.TestUsers;

/**
 * The units' administration on MariaDB (profile mysql, Camunda's built-in identity): the same new unit sent by
 * several administrators at once is added once (201) and refused for the others (409, never a 500, no second row, no
 * second group); policy staff are refused (403); V43's units are there with their flags, a name outside the BMP
 * (𠮷) survives utf8mb4, and each change is audited with who and when. In the shared database: no other test adds or
 * changes a unit (docs/testing.md), so V43's units are read as migrated.
 */
class UnitAdministrationOnMariaDbTest extends SharedMariaDbApp {

    private static final String PASSWORD = "Unit-Admin-2023";

    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSameUnitSentAtOnceIsAddedOnceAndPolicyStaffAreRefused() throws Exception {
        TestUsers.person(identityService, "unit-admin", Groups.CAMUNDA_ADMIN, PASSWORD);
        TestUsers.person(identityService, "unit-policy", Groups.POLICY_ADMIN, PASSWORD);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM unit WHERE handling AND liaison AND labelled_default", Integer.class))
                .isEqualTo(4); // tax, power, water, gas
        // the units V43 made maintained here (financial institutions, kept by measure 8's register, are not among them)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM unit WHERE maintained AND kind <> 'INSTITUTION'", Integer.class))
                .isEqualTo(11);

        HttpResponse<String> policy = HttpApi.as(port, "unit-policy", PASSWORD).post("/api/units",
                toJson(Map.of("id", "race-unit", "nameZh", "伪造", "nameEn", "Forged")));
        AttackLedger.record("unit-admin-other-role", policy.statusCode() == 403, "policy staff POST on MariaDB: " + policy.statusCode());
        assertThat(policy.statusCode()).isEqualTo(403);

        int callers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        String body = toJson(Map.of("id", "race-unit", "nameZh", "𠮷安办理局", "nameEn", "Ji'an Handling Bureau", "liaison", true));
        for (int i = 0; i < callers; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return HttpApi.as(port, "unit-admin", PASSWORD).post("/api/units", body);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() != 201) {
                AttackLedger.record("unit-admin-existing-id", response.statusCode() == 409, "concurrent add: " + response.statusCode()
                        + " " + response.body());
                assertThat(response.body()).contains("\"zh\"").contains("\"en\"");
            }
        }
        pool.shutdown();
        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(201).containsOnly(201, 409);

        assertThat(jdbc.queryForObject("SELECT name_zh FROM unit WHERE id = 'race-unit'", String.class)).isEqualTo("𠮷安办理局");
        assertThat(identityService.createGroupQuery().groupId("race-unit").singleResult().getName()).isEqualTo("𠮷安办理局");
        assertThat(jdbc.queryForList("SELECT changed_by FROM unit_change WHERE unit_id = 'race-unit'", String.class))
                .containsExactly("unit-admin");

        HttpApi.expect(200, HttpApi.as(port, "unit-admin", PASSWORD).put("/api/units/race-unit", toJson(Map.of("active", false))));
        assertThat(jdbc.queryForObject("SELECT active FROM unit WHERE id = 'race-unit'", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM unit_change WHERE unit_id = 'race-unit' AND changed_at IS NOT NULL",
                Integer.class)).isEqualTo(2);
    }
}
