package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/** The node's name: what a session id may end in and what the job log names; nothing else is accepted. */
class ClusterNodeTest {

    @Test
    void theNodeNameBecomesTheEnginesHostName() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        new ClusterNode("node-a").nodeNameOfTheEngine().preInit(configuration);
        assertThat(configuration.getHostname()).isEqualTo("node-a");
    }

    @Test
    void aSingleNodeKeepsTheEnginesOwnHostName() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        new ClusterNode("").nodeNameOfTheEngine().preInit(configuration);
        assertThat(configuration.getHostname()).isNull();
    }

    @Test
    void aNameTheBalancerCouldNotMatchStopsTheStart() {
        for (String name : new String[] {"Node-A", "node.a", "node a", "-a", "a".repeat(33), "node-a$"}) {
            assertThatThrownBy(() -> new ClusterNode(name)).as(name).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("huiqi.node.name");
        }
    }
}
