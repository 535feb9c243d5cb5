package cn.huiqi.bench.driver;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Huiqi on profile mysql with its quick-start directory: {@code --huiqi.demo-accounts=true} and the demo
 * data (db/demo) on the bench's own databases, set explicitly on the command line; the production
 * refusal of demo accounts (DemoAccountGuard) is untouched. Applications are submitted by one agent login,
 * {@code bench-agent}, authorised for every bench enterprise (经办人授权), because measure 1 takes one
 * application per enterprise.
 */
final class HuiqiApp extends App {

    static final String AGENT = "bench-agent";
    static final String AGENT_PASSWORD = "Bench-Agent-2026";
    /** USCC of a bench enterprise: 91 360102 BN + 7 digits + the check character. */
    private static final String USCC_PREFIX = "91360102BN";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    HuiqiApp(int port, Path classpathFile) {
        this("Huiqi", port, classpathFile);
    }

    /** Another build of Huiqi under its own name (--also-huiqi): same user and databases, run in turn with the others. */
    HuiqiApp(String name, int port, Path classpathFile) {
        super(name, port, "bench_huiqi", classpathFile, "cn.huiqi.HuiqiApplication");
    }

    @Override
    String emptyDatabase() {
        return "huiqi_bench_app_empty";
    }

    @Override
    String seededDatabase() {
        return "huiqi_bench_app";
    }

    @Override
    List<String> arguments(String database) {
        return List.of("--spring.profiles.active=mysql",
                "--spring.datasource.url=" + Db.url(database),
                "--spring.datasource.username=" + dbUser,
                "--spring.datasource.password=" + Db.APP_PASSWORD,
                "--spring.flyway.locations=classpath:db/migration,classpath:db/demo",
                // a seeded database keeps the demo migrations (V1000+): a migration added since runs out of order
                "--spring.flyway.out-of-order=true",
                "--huiqi.demo-accounts=true",
                "--huiqi.security-log.directory=logs",
                "--server.port=" + port);
    }

    @Override
    Map<String, String> environment(String database) {
        return Map.of();
    }

    @Override
    String caseListPath() {
        return "/api/cases";
    }

    @Override
    List<Long> applicants(String database, int count) {
        ensureAgent();
        try (Connection c = Db.root(database)) {
            List<Long> free = freeEnterprises(c, count);
            if (free.size() < count) {
                addEnterprises(c, count - free.size());
                free = freeEnterprises(c, count);
            }
            return free;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    String submit(long enterprise, List<Double> latencies) {
        String body = "{\"orders\":[" + order("BENCH-" + enterprise) + "],\"enterpriseId\":" + enterprise + "}";
        Http.Answer answer = http.post(AGENT, AGENT_PASSWORD, "/api/measures/M1/applications", body,
                "Idempotency-Key", "bench-" + enterprise).expect(201);
        latencies.add(answer.millis());
        return answer.json().get("caseNumber").asText();
    }

    @Override
    String verificationApproval() {
        return "{\"variables\":{\"decision\":{\"value\":\"approve\",\"type\":\"String\"},"
                + "\"orderVerification\":{\"value\":\"[{\\\"line\\\":1,\\\"result\\\":\\\"accept\\\"}]\",\"type\":\"Json\"}}}";
    }

    /** The agent login through Camunda's REST API, as an administrator would create it in Camunda Admin. */
    private void ensureAgent() {
        if (http.get(ADMIN, DEMO_PASSWORD, "/engine-rest/user/count?id=" + AGENT).expect(200).json().get("count").asLong() > 0) {
            return;
        }
        http.post(ADMIN, DEMO_PASSWORD, "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + AGENT
                + "\",\"firstName\":\"基准测试\",\"lastName\":\"经办人\"},\"credentials\":{\"password\":\"" + AGENT_PASSWORD + "\"}}")
                .expect(204);
        http.put(ADMIN, DEMO_PASSWORD, "/engine-rest/group/enterprise/members/" + AGENT).expect(204);
        if (http.get(ADMIN, DEMO_PASSWORD, "/engine-rest/group/count?member=" + AGENT + "&id=enterprise").expect(200).json()
                .get("count").asLong() == 0) {
            throw new IllegalStateException("could not make " + AGENT + " a member of group enterprise");
        }
    }

    private static List<Long> freeEnterprises(Connection c, int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT e.id FROM enterprise e WHERE e.uscc LIKE '" + USCC_PREFIX + "%'"
                + " AND NOT EXISTS (SELECT 1 FROM case_record r WHERE r.enterprise_id = e.id) ORDER BY e.id LIMIT ?")) {
            s.setInt(1, count);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Registers enterprises in bulk (SQL, like the register's import would; the API would take one request
     * each) in donghu, with an agent authorisation for {@link #AGENT}.
     */
    private static void addEnterprises(Connection c, int count) throws SQLException {
        long next;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT COUNT(*) FROM enterprise WHERE uscc LIKE '" + USCC_PREFIX + "%'")) {
            r.next();
            next = r.getLong(1);
        }
        c.setAutoCommit(false);
        try (PreparedStatement enterprise = c.prepareStatement("INSERT INTO enterprise (uscc, name, locality_unit_id,"
                + " contact_name, contact_phone, created_at) VALUES (?, ?, '" + LOCALITY + "', '基准测试', '0791-80000000', NOW(6))")) {
            for (int i = 0; i < count; i++) {
                long n = next + i;
                String first17 = USCC_PREFIX + String.format("%07d", n);
                enterprise.setString(1, first17 + checkCharacter(first17));
                enterprise.setString(2, "南昌基准测试企业" + n + "有限公司");
                enterprise.addBatch();
                if (i % 1000 == 999) {
                    enterprise.executeBatch();
                }
            }
            enterprise.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO enterprise_agent (enterprise_id, user_id, scope, granted_by, granted_at)"
                    + " SELECT e.id, '" + AGENT + "', 'APPLY_AND_SUPPLEMENT', 'bench', NOW(6) FROM enterprise e"
                    + " WHERE e.uscc LIKE '" + USCC_PREFIX + "%' AND NOT EXISTS (SELECT 1 FROM enterprise_agent a"
                    + " WHERE a.enterprise_id = e.id AND a.user_id = '" + AGENT + "')");
        }
        c.commit();
        c.setAutoCommit(true);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < first17.length(); i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
