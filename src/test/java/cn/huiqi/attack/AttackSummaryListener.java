package cn.huiqi.attack;

import java.nio.file.Path;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints the attack suite's closing count at the end of the test run (registered by ServiceLoader). */
public class AttackSummaryListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (AttackLedger.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.print(AttackLedger.summary());
        AttackLedger.write(Path.of(System.getProperty("huiqi.build.dir", "target"), "attack-summary.txt"));
    }
}
