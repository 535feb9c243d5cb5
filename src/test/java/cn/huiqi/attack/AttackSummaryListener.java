package cn.huiqi.attack;

import java.nio.file.Path;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Writes the attack suite's closing count of the run so far when a test plan ends (registered by ServiceLoader). */
public class AttackSummaryListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (AttackLedger.isEmpty()) {
            return;
        }
        // with two test JVMs (pom.xml's forkCount) surefire runs each class as a test plan of its own, so this runs after
        // every class: the file is rewritten each time, and printed once at the end by scripts/test.sh
        AttackLedger.write(Path.of(System.getProperty("huiqi.build.dir", "target"), "attack-summary.txt"));
    }
}
