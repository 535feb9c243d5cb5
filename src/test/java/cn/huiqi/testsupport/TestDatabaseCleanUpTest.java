package cn.huiqi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test command's clean-up (scripts/test.sh --drop-test-databases) drops every database a run listed in
 * test-databases.txt and keeps only the one the README names (huiqi_test).
 */
class TestDatabaseCleanUpTest {

    @Test
    void theTestCommandLeavesOnlyHuiqiTestBehind(@TempDir Path scratch) throws Exception {
        String keep = MariaDbTestDatabase.KEPT;
        List<String> created = List.of(MariaDbTestDatabase.name("huiqi_cleanup_probe_a"),
                MariaDbTestDatabase.name("huiqi_cleanup_probe_b"));
        try (Connection connection = server(); Statement statement = connection.createStatement()) {
            for (String database : created) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + database);
            }
            statement.execute("CREATE DATABASE IF NOT EXISTS " + keep);
        }
        Path list = scratch.resolve("test-databases.txt");
        Files.write(list, List.of(created.get(0), keep, created.get(1), created.get(0)));

        Process cleanUp = new ProcessBuilder("bash", "scripts/test.sh", "--drop-test-databases", list.toString())
                .redirectErrorStream(true).start();
        String output = new String(cleanUp.getInputStream().readAllBytes());
        assertThat(cleanUp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cleanUp.exitValue()).as(output).isZero();

        List<String> left = databases();
        System.out.println("databases after the clean-up: " + left.stream().filter(name -> name.startsWith("huiqi")).toList());
        assertThat(left).contains(keep).doesNotContainAnyElementsOf(created);
        assertThat(list).doesNotExist();
    }

    private static List<String> databases() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = server(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW DATABASES")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static Connection server() throws Exception {
        String host = System.getenv().getOrDefault("HUIQI_TEST_DB_HOST", "127.0.0.1:3306");
        return DriverManager.getConnection("jdbc:mysql://" + host + "/?useSSL=false&allowPublicKeyRetrieval=true",
                MariaDbTestDatabase.user(), MariaDbTestDatabase.password());
    }
}
