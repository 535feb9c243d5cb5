package cn.huiqi.workflow;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Checks every outermost engine command of an authenticated user against the task contracts, before the
 * command (and its transaction) starts: REST, Tasklist and the app's own calls all pass here. Commands
 * the engine runs inside another command (listeners, delegates), and commands without an authenticated
 * user (the app's own work, jobs, {@code process.EngineAsSystem}) are not checked.
 */
class TaskGuardInterceptor extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    private final Supplier<StepGuard> guard;

    TaskGuardInterceptor(ProcessEngineConfigurationImpl configuration, Supplier<StepGuard> guard) {
        this.configuration = configuration;
        this.guard = guard;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() == null) {
            Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
            if (authentication != null && authentication.getUserId() != null) {
                GuardedCommand guarded = GuardedCommand.of(command);
                if (guarded != null) {
                    StepGuard.Caller caller = new StepGuard.Caller(authentication.getUserId(),
                            authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
                    // a read-only look at the task and its case, in a command context of its own; the refusal is
                    // thrown outside it, so no transaction is marked for rollback by the look itself
                    RuntimeException refusal = next.execute(context -> {
                        context.disableAuthorizationCheck();
                        return guard.get().refusal(guarded, caller, context);
                    });
                    if (refusal != null) {
                        throw refusal;
                    }
                }
            }
        }
        return next.execute(command);
    }
}
