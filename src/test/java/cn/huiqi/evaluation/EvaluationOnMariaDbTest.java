package cn.huiqi.evaluation;

import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.common.ConflictException;
import cn.huiqi.evaluation.RankingApi.Line;
import cn.huiqi.evaluation.RankingApi.Locality;
import cn.huiqi.evaluation.RankingApi.Ranking;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.MariaDbTestDatabase;
import cn.huiqi.testsupport.TestUsers;

/**
 * On the real MariaDB: the groups of V35, the two tables seeded into the engine and evaluated there at the version
 * asked for (a later version does not change a ranking pinned to the earlier one), and measure 6's safety veto through
 * its API — gxj enters, lists and revokes with reasons, nobody else may, and the ranking reads the vetoes in force.
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.job-execution.enabled=false")
class EvaluationOnMariaDbTest {

    private static final String PASSWORD = "Eval-Score-2023";

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        // its own database (docs/testing.md): deploys and confirms rule versions every test would read
        MariaDbTestDatabase.register(registry, "huiqi_evaluation");
    }

    @LocalServerPort
    int port;
    @Autowired
    EvaluationRanking ranking;
    @Autowired
    EvaluationRules rules;
    @Autowired
    LocalityGroups groups;
    @Autowired
    SafetyVetoes vetoes;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;

    @Test
    void theRankingEvaluatesTheTablesInTheEngineAtThePinnedVersions() {
        Map<String, EvaluationGroup> current = groups.current();
        assertThat(current).hasSize(13).containsEntry("wanli", EvaluationGroup.DISTRICT).containsEntry("anyi", EvaluationGroup.COUNTY)
                .containsEntry("xiaolan", EvaluationGroup.DEVELOPMENT_ZONE);
        assertThat(current.values().stream().filter(g -> g == EvaluationGroup.DISTRICT)).hasSize(7);

        RankingApi.DecisionVersions seeded = rules.inForce();
        Ranking before = ranking.rank(counties(seeded));
        assertThat(before.lines()).extracting(l -> l.award().toPlainString()).containsExactly("3000000.00", "1500000.00", "800000.00");

        // staff publish a second award table: M6's first place 350万
        String xml = new String(readBundled("dmn/evaluation-award.dmn"), StandardCharsets.UTF_8)
                .replace("<outputEntry id=\"rule-m6-rank-1-amount\"><text>3000000</text>", "<outputEntry id=\"rule-m6-rank-1-amount\"><text>3500000</text>");
        repositoryService.createDeployment().name("evaluation-test").addString("evaluation-award.dmn", xml).deploy();
        RankingApi.DecisionVersions now = rules.inForce();
        assertThat(now.award()).isEqualTo(seeded.award() + 1);

        assertThat(ranking.rank(counties(seeded)).lines().get(0).award()).isEqualByComparingTo("3000000");
        assertThat(ranking.rank(counties(now)).lines().get(0).award()).isEqualByComparingTo("3500000");
        assertThat(before.lines().get(0).scores().get(0).score()).isEqualByComparingTo("16");

        // the seeded tables are labelled defaults: provisional until policy staff confirm both versions on the rules page
        assertThat(before.provisional()).isTrue();
        assertThat(before.provisionalNote()).isEqualTo("评分和奖励金额暂按系统默认值计算，待政策部门确认");
        TestUsers.person(identityService, "eval-policy", "policy-admin", PASSWORD);
        HttpApi policy = HttpApi.as(port, "eval-policy", PASSWORD);
        HttpApi.expect(201, policy.post("/api/rules/locality-indicator-score/versions/" + seeded.score() + "/confirmation",
                toJson(Map.of("note", "经市工信局研究，评分方法按默认值执行"))));
        assertThat(ranking.rank(counties(seeded)).provisional()).as("the award table is not confirmed yet").isTrue();
        HttpApi.expect(201, policy.post("/api/rules/evaluation-award/versions/" + seeded.award() + "/confirmation",
                toJson(Map.of("note", "奖励金额按默认值执行"))));
        Ranking confirmed = ranking.rank(counties(seeded));
        assertThat(confirmed.provisional()).isFalse();
        assertThat(confirmed.provisionalNote()).isNull();

        // a pinned version that is not deployed: a 409 naming the table, not a 500
        assertThatThrownBy(() -> ranking.rank(counties(new RankingApi.DecisionVersions(seeded.score() + 98, seeded.award()))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("locality-indicator-score"));
    }

    @Test
    void allThirteenLocalitiesRankedThroughTheEngine() {
        List<Locality> all = new ArrayList<>();
        int i = 0;
        for (cn.huiqi.unit.Unit unit : groups.localities()) {
            all.add(groups.locality(unit.getId(), EvaluationRankingTest.figures(Map.of("VA_GROWTH", new BigDecimal("6.0").add(BigDecimal.valueOf(i++))))));
        }
        RankingApi.Request request = new RankingApi.Request("M5", rules.inForce(), EvaluationRankingTest.DEFAULT_SET, all, groups.current(),
                false, Set.of());
        long coldStart = System.nanoTime();
        ranking.rank(request);
        long cold = (System.nanoTime() - coldStart) / 1_000_000;
        long historyBefore = historyService.createHistoricDecisionInstanceQuery().count();
        long start = System.nanoTime();
        Ranking result = ranking.rank(request);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long history = historyService.createHistoricDecisionInstanceQuery().count() - historyBefore;
        System.out.println("EVALUATION RANKING 13 localities x 6 indicators: first " + cold + " ms, again " + millis + " ms, " + history + " decision evaluations in history");

        assertThat(result.lines()).hasSize(13);
        assertThat(result.totalAward()).isEqualByComparingTo("10500000.00");
        assertThat(history).isEqualTo(13 * 6 + 13);
    }

    @Test
    void onlyGxjKeepsTheSafetyVetoAndTheRankingReadsTheVetoesInForce() throws Exception {
        TestUsers.person(identityService, "veto-gxj", "gxj", PASSWORD);
        TestUsers.person(identityService, "veto-gxj-2", "gxj", PASSWORD);
        TestUsers.person(identityService, "veto-locality", "jinxian", PASSWORD);
        TestUsers.person(identityService, "veto-policy", "policy-admin", PASSWORD);
        TestUsers.person(identityService, "veto-audit", "auditor", PASSWORD);
        HttpApi gxj = HttpApi.as(port, "veto-gxj", PASSWORD);
        String body = toJson(Map.of("year", 2023, "unitId", "jinxian", "reason", "2023年8月某企业发生较大以上生产安全事故",
                "evidenceRef", "赣应急〔2023〕99号"));

        for (String user : List.of("veto-locality", "veto-policy", "veto-audit")) {
            HttpApi other = HttpApi.as(port, user, PASSWORD);
            assertThat(other.post("/api/evaluations/vetoes", body).statusCode()).as(user).isEqualTo(403);
            assertThat(other.get("/api/evaluations/vetoes").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(HttpApi.anonymous(port).get("/api/evaluations/vetoes").statusCode()).isEqualTo(401);
        assertThat(vetoes.vetoedIn(2023)).isEmpty();

        JsonNode entered = HttpApi.expect(201, gxj.post("/api/evaluations/vetoes", body));
        long id = entered.get("id").asLong();
        assertThat(entered.get("inForce").asBoolean()).isTrue();
        assertThat(entered.get("enteredBy").asText()).isEqualTo("veto-gxj");
        assertThat(entered.get("unitName").asText()).isEqualTo("进贤县");
        assertThat(entered.get("reading").asText()).contains("系统对“在保障生产安全的前提下”的理解");
        assertThat(gxj.post("/api/evaluations/vetoes", body).statusCode()).isEqualTo(409);
        assertThat(vetoes.vetoedIn(2023)).containsExactly("jinxian");
        assertThat(vetoes.vetoedIn(2022)).isEmpty();

        Ranking vetoed = ranking.rank(new RankingApi.Request("M6", rules.inForce(), EvaluationRankingTest.DEFAULT_SET, countyLocalities(),
                groups.current(), true, vetoes.vetoedIn(2023)));
        Line jinxian = vetoed.lines().stream().filter(l -> l.unitId().equals("jinxian")).findFirst().orElseThrow();
        assertThat(jinxian.vetoed()).isTrue();
        assertThat(jinxian.rankInGroup()).isEqualTo(1);
        assertThat(jinxian.award()).isEqualByComparingTo("0");

        // revoking needs a reason, and another gxj person may do it; the record stays
        HttpApi locality = HttpApi.as(port, "veto-locality", PASSWORD);
        assertThat(delete("veto-locality", "/api/evaluations/vetoes/" + id, toJson(Map.of("reason", "自行撤销"))).statusCode()).isEqualTo(403);
        assertThat(delete("veto-gxj-2", "/api/evaluations/vetoes/" + id, toJson(Map.of("reason", " "))).statusCode()).isEqualTo(400);
        JsonNode revoked = HttpApi.expect(200, delete("veto-gxj-2", "/api/evaluations/vetoes/" + id,
                toJson(Map.of("reason", "经复核，事故等级为一般事故，不属重特大"))));
        assertThat(revoked.get("inForce").asBoolean()).isFalse();
        assertThat(revoked.get("revokedBy").asText()).isEqualTo("veto-gxj-2");
        assertThat(delete("veto-gxj", "/api/evaluations/vetoes/" + id, toJson(Map.of("reason", "再次撤销"))).statusCode()).isEqualTo(409);
        assertThat(delete("veto-gxj", "/api/evaluations/vetoes/999999", toJson(Map.of("reason", "不存在"))).statusCode()).isEqualTo(404);
        assertThat(vetoes.vetoedIn(2023)).isEmpty();

        // entered again after the revocation: both rows are listed
        HttpApi.expect(201, gxj.post("/api/evaluations/vetoes", body));
        JsonNode list = HttpApi.expect(200, gxj.get("/api/evaluations/vetoes?year=2023"));
        assertThat(list).hasSize(2);
        assertThat(list.get(1).get("revokeReason").asText()).contains("一般事故");
        assertThat(locality.get("/api/evaluations/vetoes?year=2023").statusCode()).isEqualTo(403);
    }

    private RankingApi.Request counties(RankingApi.DecisionVersions versions) {
        return new RankingApi.Request("M6", versions, EvaluationRankingTest.DEFAULT_SET, countyLocalities(), groups.current(), true, Set.of());
    }

    private List<Locality> countyLocalities() {
        List<Locality> localities = new ArrayList<>();
        localities.add(groups.locality("jinxian", EvaluationRankingTest.figures(Map.of("VA_GROWTH", new BigDecimal("9.0")))));
        localities.add(groups.locality("anyi", EvaluationRankingTest.figures(Map.of())));
        localities.add(groups.locality("nanchangxian", EvaluationRankingTest.figures(Map.of("VA_GROWTH", new BigDecimal("7.0")))));
        return localities;
    }

    private HttpResponse<String> delete(String user, String path, String json) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + token).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] readBundled(String resource) {
        try (var in = EvaluationOnMariaDbTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
