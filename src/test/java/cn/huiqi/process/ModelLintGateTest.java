package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;

/**
 * The model lint the build runs (frontend/lint-models.mjs, rules in frontend/.bpmnlintrc and .dmnlintrc) is a
 * gate: it passes the models under bpmn/ and dmn/ and fails on a schema-valid model that breaks a rule.
 * The broken fixtures live under src/test/resources/lint/, never under bpmn/ or dmn/, so nothing deploys them.
 */
class ModelLintGateTest {

    private static final Path FIXTURES = Path.of("src/test/resources/lint");

    @Test
    void theModelsPass() throws Exception {
        Lint lint = lint();
        assertThat(lint.exit).as(lint.output).isZero();
        assertThat(lint.output).contains("pass bpmnlint and dmnlint");
    }

    @Test
    void aDisconnectedTaskFailsTheBuild() throws Exception {
        Path dir = FIXTURES.resolve("broken-bpmn");
        Bpmn.readModelFromFile(dir.resolve("disconnected-task.bpmn").toFile()); // the schema alone lets it through
        Lint lint = lint(dir.toString());
        assertThat(lint.exit).as(lint.output).isEqualTo(1);
        assertThat(lint.output).contains("Task_Disconnected", "no-disconnected");
    }

    @Test
    void aDecisionWithABlankNameFailsTheBuild() throws Exception {
        Path dir = FIXTURES.resolve("broken-dmn");
        Dmn.readModelFromFile(dir.resolve("blank-name-decision.dmn").toFile());
        Lint lint = lint(dir.toString());
        assertThat(lint.exit).as(lint.output).isEqualTo(1);
        assertThat(lint.output).contains("lint-broken", "label-required");
    }

    private record Lint(int exit, String output) {
    }

    private static Lint lint(String... dirs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "frontend/lint-models.mjs"));
        for (String dir : dirs) {
            command.add(Path.of(dir).toAbsolutePath().toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Lint(process.exitValue(), output);
    }
}
