package cn.huiqi.evaluation;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.huiqi.process.EngineLists;

/**
 * The end of a round's confirmation period as an engine timer job ({@value #TYPE}, no process instance): it survives a
 * restart, runs once however many nodes there are (the engine locks a job), follows the engine's clock (tests move it
 * with ClockUtil and execute the job) and then confirms the figures nobody confirmed or disputed ({@link Figures#confirmBySilence}).
 */
@Component
class ConfirmationDeadline extends AbstractProcessEnginePlugin {

    static final String TYPE = "huiqi-evaluation-confirmation";

    record RoundRef(long roundId) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return Long.toString(roundId);
        }
    }

    private final ObjectProvider<Figures> figures;
    private final ObjectProvider<ProcessEngine> engine;

    ConfirmationDeadline(ObjectProvider<Figures> figures, ObjectProvider<ProcessEngine> engine) {
        this.figures = figures;
        this.engine = engine;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineLists.add(configuration.getCustomJobHandlers(), new Handler(), configuration::setCustomJobHandlers);
    }

    /** Schedules the job in the caller's transaction (the engine joins the Spring transaction). */
    void schedule(long roundId, Instant due) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine.getObject()).getProcessEngineConfiguration();
        configuration.getCommandExecutorTxRequired().execute(context -> {
            scheduleInCommand(roundId, due);
            return null;
        });
    }

    private static void scheduleInCommand(long roundId, Instant due) {
        TimerEntity timer = new TimerEntity();
        timer.setJobHandlerType(TYPE);
        timer.setJobHandlerConfigurationRaw(Long.toString(roundId));
        timer.setDuedate(Date.from(due));
        Context.getCommandContext().getJobManager().schedule(timer);
    }

    private final class Handler implements JobHandler<RoundRef> {

        @Override
        public String getType() {
            return TYPE;
        }

        @Override
        public void execute(RoundRef configuration, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
            // a node whose clock runs behind may pick the job up early: it then waits for the deadline again
            figures.getObject().notYetDue(configuration.roundId()).ifPresentOrElse(due -> scheduleInCommand(configuration.roundId(), due),
                    () -> figures.getObject().confirmBySilence(configuration.roundId()));
        }

        @Override
        public RoundRef newConfiguration(String canonicalString) {
            return new RoundRef(Long.parseLong(canonicalString));
        }

        @Override
        public void onDelete(RoundRef configuration, JobEntity jobEntity) {
        }
    }
}
