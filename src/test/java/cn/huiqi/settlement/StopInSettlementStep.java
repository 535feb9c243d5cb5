package cn.huiqi.settlement;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Test-only engine plugin for one node: the settling step stops at its start (inside the job, after the
 * job executor locked it) until {@link #release()}, as on a node that hangs or dies there. It records
 * whether the step then ran to its end on this node. Not a Spring component: only the node started
 * with it as an extra source has it.
 */
public class StopInSettlementStep extends AbstractProcessEnginePlugin {

    final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    final AtomicBoolean ranToTheEnd = new AtomicBoolean();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if ("Task_Settle".equals(activity.getId())) {
                    activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
                        entered.countDown();
                        released.await();
                    });
                    activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> ranToTheEnd.set(true));
                }
            }
        });
    }

    void release() {
        released.countDown();
    }
}
