package cn.huiqi.workflow;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Checks every outermost engine command of an authenticated user against the task contracts: REST, Tasklist and the
 * app's own calls all pass here. Commands the engine runs inside another command (listeners, delegates), and commands
 * without an authenticated user (the app's own work, jobs, {@code process.EngineAsSystem}) are not checked.
 * <p>
 * Two interceptors: {@link #outside} marks the command to check before its transaction starts; {@link #inside} checks
 * it first thing in the command's own context, so the task, its executions and its case the guard reads are the ones
 * the command then works on (the engine's entity cache, the same JPA transaction), and a refused command does not
 * run. The refusal is thrown once the context has closed, so the engine does not log it as a failed command.
 */
final class TaskGuardInterceptor {

    private static final ThreadLocal<Check> PENDING = new ThreadLocal<>();

    private TaskGuardInterceptor() {
    }

    private static final class Check {
        final Command<?> command;
        final GuardedCommand guarded;
        final StepGuard.Caller caller;
        RuntimeException refusal;

        Check(Command<?> command, GuardedCommand guarded, StepGuard.Caller caller) {
            this.command = command;
            this.guarded = guarded;
            this.caller = caller;
        }
    }

    static CommandInterceptor outside(ProcessEngineConfigurationImpl configuration) {
        return new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
                GuardedCommand guarded = Context.getCommandContext() != null || authentication == null
                        || authentication.getUserId() == null ? null : GuardedCommand.of(command);
                if (guarded == null) {
                    return next.execute(command);
                }
                Check check = new Check(command, guarded, new StepGuard.Caller(authentication.getUserId(),
                        authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds())));
                PENDING.set(check);
                T result;
                try {
                    result = next.execute(command);
                } finally {
                    PENDING.remove();
                }
                if (check.refusal != null) {
                    throw check.refusal;
                }
                return result;
            }
        };
    }

    static CommandInterceptor inside(Supplier<StepGuard> guard) {
        return new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                Check check = PENDING.get();
                if (check == null || check.command != command) {
                    return next.execute(command);
                }
                PENDING.remove(); // commands this one runs are not checked again
                CommandContext context = Context.getCommandContext();
                boolean authorizationChecks = context.isAuthorizationCheckEnabled();
                context.disableAuthorizationCheck(); // the guard reads whatever it needs; the command checks its own
                try {
                    check.refusal = guard.get().refusal(check.guarded, check.caller, context);
                } finally {
                    if (authorizationChecks) {
                        context.enableAuthorizationCheck();
                    }
                }
                return check.refusal == null ? next.execute(command) : null;
            }
        };
    }
}
