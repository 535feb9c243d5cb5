package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Which expressions are evaluated as bean calls, and that such a call answers as JUEL would: the execution or the
 * task as argument, text (an enum constant where the parameter is one), the method's result, its exception wrapped
 * as JUEL wraps it (so a BpmnError is still found in the causes); everything else left to JUEL.
 */
class BeanCallExpressionTest {

    enum Step { CITY_REVIEW }

    public static class Steps {
        final List<Object> calls = new ArrayList<>();

        public String enter(DelegateExecution execution, Step step) {
            calls.add(execution);
            calls.add(step);
            return "entered " + step;
        }

        public void fail(DelegateExecution execution) {
            throw new BpmnError("CASE_REJECTED");
        }

        public void twice(DelegateExecution execution) {
        }

        public void twice(String text) {
        }
    }

    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    private final Steps steps = new Steps();
    private final AtomicInteger juelMade = new AtomicInteger();
    private final Expression juel = new Expression() {
        public Object getValue(org.camunda.bpm.engine.delegate.VariableScope scope) {
            return "juel";
        }

        public Object getValue(org.camunda.bpm.engine.delegate.VariableScope scope,
                               org.camunda.bpm.engine.delegate.BaseDelegateExecution execution) {
            return "juel";
        }

        public void setValue(Object value, org.camunda.bpm.engine.delegate.VariableScope scope) {
        }

        public void setValue(Object value, org.camunda.bpm.engine.delegate.VariableScope scope,
                             org.camunda.bpm.engine.delegate.BaseDelegateExecution execution) {
        }

        public boolean isLiteralText() {
            return false;
        }

        public String getExpressionText() {
            return "juel";
        }
    };

    @BeforeEach
    void engine() {
        beans.addBean("steps", steps);
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setDelegateInterceptor(invocation -> invocation.proceed());
        Context.setProcessEngineConfiguration(configuration);
    }

    @AfterEach
    void noEngine() {
        Context.removeProcessEngineConfiguration();
    }

    private BeanCallExpression of(String text) {
        return BeanCallExpression.of(text, beans, () -> {
            juelMade.incrementAndGet();
            return juel;
        });
    }

    @Test
    void onlyCallsOfABeanByNameWithExecutionTaskOrTextAreBeanCalls() {
        assertThat(of("${steps.enter(execution, 'CITY_REVIEW')}")).isNotNull();
        assertThat(of(" ${ steps . enter ( task , 'x' ) } ")).isNotNull();
        assertThat(of("${steps}")).isNotNull();
        assertThat(of("${other.enter(execution)}")).as("no bean of that name").isNull();
        assertThat(of("${steps.enter(decision)}")).as("a variable as argument").isNull();
        assertThat(of("${steps.enter(execution, 'a,b')}")).as("a comma in the text").isNull();
        assertThat(of("${decision == 'approve'}")).isNull();
        assertThat(of("${steps.enter(execution)} and more")).isNull();
        assertThat(of("#{steps}")).isNull();
    }

    @Test
    void theCallGetsTheExecutionAndTheTextAsTheParameterTypeAndAnswersTheResult() {
        ExecutionEntity execution = new ExecutionEntity();
        assertThat(of("${steps.enter(execution, 'CITY_REVIEW')}").getValue(execution)).isEqualTo("entered CITY_REVIEW");
        assertThat(steps.calls).containsExactly(execution, Step.CITY_REVIEW);
        assertThat(of("${steps}").getValue(execution)).isSameAs(steps);
        assertThat(juelMade).hasValue(0);
    }

    @Test
    void aTaskScopeGivesItsExecution() {
        ExecutionEntity execution = new ExecutionEntity();
        TaskEntity task = new TaskEntity();
        task.setExecution(execution);
        of("${steps.enter(execution, 'CITY_REVIEW')}").getValue(task);
        assertThat(steps.calls).containsExactly(execution, Step.CITY_REVIEW);
    }

    @Test
    void whatTheMethodThrowsIsWrappedAsJuelWrapsItSoABpmnErrorIsStillFound() {
        assertThatThrownBy(() -> of("${steps.fail(execution)}").getValue(new ExecutionEntity()))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("${steps.fail(execution)}")
                .cause().isInstanceOf(ELException.class)
                .cause().isInstanceOf(BpmnError.class);
    }

    @Test
    void whatTheFastPathDoesNotTakeIsJuels() {
        ExecutionEntity execution = new ExecutionEntity();
        assertThat(of("${steps.twice(execution)}").getValue(execution)).as("overloads").isEqualTo("juel");
        assertThat(of("${steps.enter(execution, 'NO_SUCH_STEP')}").getValue(execution)).as("no such constant").isEqualTo("juel");
        assertThat(of("${steps.enter(task, 'CITY_REVIEW')}").getValue(execution)).as("a task where the method takes an execution").isEqualTo("juel");
        assertThat(steps.calls).isEmpty();
    }
}
