package cn.huiqi.project;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.identity.Caller;

/**
 * The whole application (default profile, demo accounts and enterprises) on a private in-memory H2,
 * shared by the test classes of this package. Each test starts from an EMPTY project library (the demo
 * projects of db/demo/V1001 are removed) and builds the library it asserts on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:proj;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false"})
abstract class ProjectLibraryTestBase {

    static final String HONGDU = "91360102MA35HQ1D2F";   // 南昌洪都精密机械, donghu, login ent-hongdu
    static final String JIXIANG = "91360111MA38GK7X58";  // 江西𠮷祥电子科技, qingshanhu
    static final Caller GXJ = new Caller("gxj-reviewer", List.of("gxj"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectLibrary library;
    @Autowired
    ProjectQueries queries;
    @Autowired
    InvestmentProgress progress;
    @Autowired
    EnterpriseRepository enterprises;

    @BeforeEach
    void emptyLibrary() {
        jdbc.update("DELETE FROM project_event");
        jdbc.update("DELETE FROM project_report");
        jdbc.update("DELETE FROM project");
    }

    long enterprise(String uscc) {
        return enterprises.findByUscc(uscc).orElseThrow().getId();
    }

    /** A project registered by 市工信局 through the service (so every check applies). */
    Project project(String name, String locality, String total, String plannedStart, String plannedCompletion,
                    String actualStart, String actualCompletion, boolean major) {
        return library.create(GXJ, new ProjectRequest(enterprise(HONGDU), locality, name, "new", total, "0",
                plannedStart, plannedCompletion, actualStart, actualCompletion, major));
    }

    void report(Project project, String month, String cumulative, String equipment) {
        library.addReport(GXJ, project.getId(), new ReportRequest(month, cumulative, equipment, null, null));
    }

    static ProjectRequest request(long enterpriseId, String locality, String name) {
        return new ProjectRequest(enterpriseId, locality, name, "new", "100000000.00", "40000000.00",
                "2023-03-01", "2024-06-30", "2023-03-15", null, true);
    }

    // ---- HTTP as one demo user (password demo) ----

    static final HttpClient HTTP = HttpClient.newHttpClient();

    HttpResponse<String> call(String user, String method, String path, String json) {
        HttpRequest.Builder b = base(user, path).header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(b, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> download(String user, String path) {
        return send(base(user, path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder base(String user, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(b.build(), handler);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
