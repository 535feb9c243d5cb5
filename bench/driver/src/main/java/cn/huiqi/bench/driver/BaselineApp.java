package cn.huiqi.bench.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * The bare engine (bench/baseline): an application is a process start through /engine-rest by an
 * enterprise login with the application's data as variables; the business key is made by the driver.
 */
final class BaselineApp extends App {

    private static final String APPLICANT = "ent-hongdu";
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    BaselineApp(int port, Path classpathFile) {
        super("baseline", port, "bench_baseline", classpathFile, "cn.huiqi.bench.baseline.BaselineApplication");
    }

    @Override
    String emptyDatabase() {
        return "huiqi_bench_baseline_empty";
    }

    @Override
    String seededDatabase() {
        return "huiqi_bench_baseline";
    }

    @Override
    List<String> arguments(String database) {
        return List.of();
    }

    @Override
    Map<String, String> environment(String database) {
        // nullDatabaseMeansCurrent: the engine's "does my schema exist" check asks the driver's metadata without a
        // database name, which otherwise sees the ACT_ tables of the user's other bench database
        return Map.of("BENCH_DB_URL", Db.url(database) + "&nullDatabaseMeansCurrent=true", "BENCH_DB_USER", dbUser, "BENCH_DB_PASSWORD", Db.APP_PASSWORD,
                "BENCH_PORT", String.valueOf(port));
    }

    @Override
    List<Long> applicants(String database, int count) {
        long first = sequence.getAndAdd(count);
        return LongStream.range(first, first + count).boxed().toList();
    }

    @Override
    String submit(long applicant, List<Double> latencies) {
        String businessKey = "BENCH-" + applicant;
        String orders = Http.json("[" + order("BENCH-" + applicant) + "]");
        String body = "{\"businessKey\":\"" + businessKey + "\",\"variables\":{"
                + "\"locality\":{\"value\":\"" + LOCALITY + "\",\"type\":\"String\"},"
                + "\"enterpriseName\":{\"value\":\"南昌基准测试企业" + applicant + "有限公司\",\"type\":\"String\"},"
                + "\"orders\":{\"value\":" + orders + ",\"type\":\"String\"},"
                + "\"earliestSigningDate\":{\"value\":\"" + SIGNING_DATE + "\",\"type\":\"String\"},"
                + "\"latestSigningDate\":{\"value\":\"" + SIGNING_DATE + "\",\"type\":\"String\"},"
                + "\"largestOrderAmount\":{\"value\":" + ORDER_AMOUNT + ",\"type\":\"Double\"},"
                + "\"totalOrderAmount\":{\"value\":" + ORDER_AMOUNT + ",\"type\":\"Double\"}}}";
        Http.Answer answer = http.post(APPLICANT, DEMO_PASSWORD, "/engine-rest/process-definition/key/m1-order-reward/start", body)
                .expect(200);
        latencies.add(answer.millis());
        return businessKey;
    }

    @Override
    String verificationApproval() {
        return "{\"variables\":{\"decision\":{\"value\":\"approve\",\"type\":\"String\"},"
                + "\"orderVerification\":{\"value\":\"[{\\\"line\\\":1,\\\"result\\\":\\\"accept\\\"}]\",\"type\":\"String\"}}}";
    }
}
