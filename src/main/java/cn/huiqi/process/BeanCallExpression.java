package cn.huiqi.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.springframework.beans.factory.BeanFactory;

/**
 * A diagram's call of a Spring bean - {@code ${caseStatus.enter(execution, 'CITY_REVIEW')}}, {@code ${fundReservation
 * .reserve(execution)}}, {@code ${reviewStepCompleted}} - evaluated as that call: the bean by its name, the method
 * found once, the arguments the execution, the task or text. The engine's JUEL would first look the bean's name up
 * among the variables of every scope up to the process instance, so a variable of that name would stand in for the
 * bean; here a name that is a bean is always the bean (docs/security.md). Same invocation through the engine's
 * delegate interceptor, same errors ({@code ProcessEngineException} caused by an {@code ELException} caused by what the
 * method threw, so a {@code BpmnError} still reaches its boundary event). Anything else the expression might need -
 * an argument that is neither, a method of several overloads, a scope that is no execution or task - is left to JUEL.
 */
final class BeanCallExpression implements Expression {

    private static final Pattern CALL = Pattern.compile(
            "\\$\\{\\s*([A-Za-z_]\\w*)\\s*(?:\\.\\s*([A-Za-z_]\\w*)\\s*\\(\\s*(.*?)\\s*\\))?\\s*}");
    private static final Pattern ARGUMENT = Pattern.compile("execution|task|'[^'\\\\]*'");
    private static final Object NOT_RESOLVED = new Object();

    private final String text;
    private final String beanName;
    private final String methodName;
    private final List<String> arguments;
    private final BeanFactory beans;
    private final Supplier<Expression> juelFactory;
    private volatile Expression juel;
    private volatile Object target = NOT_RESOLVED;
    private volatile Method method;
    private volatile Object[] literals;

    private BeanCallExpression(String text, String beanName, String methodName, List<String> arguments, BeanFactory beans,
                               Supplier<Expression> juel) {
        this.text = text;
        this.beanName = beanName;
        this.methodName = methodName;
        this.arguments = arguments;
        this.beans = beans;
        this.juelFactory = juel;
    }

    /** The expression as a bean call, or null when the text is no call of this shape or names no bean. */
    static BeanCallExpression of(String text, BeanFactory beans, Supplier<Expression> juel) {
        Matcher call = CALL.matcher(text == null ? "" : text.strip());
        if (!call.matches() || !beans.containsBean(call.group(1))) {
            return null;
        }
        List<String> arguments = new ArrayList<>();
        if (call.group(2) != null && !call.group(3).isEmpty()) {
            for (String argument : call.group(3).split(",", -1)) {
                if (!ARGUMENT.matcher(argument.strip()).matches()) {
                    return null;
                }
                arguments.add(argument.strip());
            }
        }
        return new BeanCallExpression(text, call.group(1), call.group(2), List.copyOf(arguments), beans, juel);
    }

    /** JUEL's expression of the same text, made when first needed. */
    private Expression juel() {
        Expression expression = juel;
        if (expression == null) {
            expression = juelFactory.get();
            juel = expression;
        }
        return expression;
    }

    String beanName() {
        return beanName;
    }

    @Override
    public Object getValue(VariableScope variableScope) {
        return getValue(variableScope, null);
    }

    @Override
    public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
        if (!resolved()) {
            return juel().getValue(variableScope, contextExecution);
        }
        if (methodName == null) {
            return target; // a bean by its name: a delegate expression's listener or delegate
        }
        Object[] values = literals.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                Object scopeArgument = scopeArgument(arguments.get(i), variableScope);
                if (scopeArgument == null) {
                    return juel().getValue(variableScope, contextExecution);
                }
                values[i] = scopeArgument;
            }
        }
        DelegateInvocation invocation = new DelegateInvocation(contextExecution, null) {
            @Override
            protected void invoke() throws Exception {
                invocationResult = call(values);
            }
        };
        try {
            Context.getProcessEngineConfiguration().getDelegateInterceptor().handleInvocation(invocation);
        } catch (Exception e) {
            throw new ProcessEngineException("Error while evaluating expression: " + text + ". Cause: " + e.getMessage(), e);
        }
        return invocation.getInvocationResult();
    }

    private Object call(Object[] values) throws IllegalAccessException {
        try {
            return method.invoke(target, values);
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause()); // as JUEL reports a failed method call
        }
    }

    /** What JUEL's variable-scope resolver gives for {@code execution} and {@code task}; null where it gives neither. */
    private static Object scopeArgument(String name, VariableScope scope) {
        if ("execution".equals(name)) {
            return scope instanceof ExecutionEntity ? scope : scope instanceof TaskEntity task ? task.getExecution() : null;
        }
        return "task".equals(name) && scope instanceof TaskEntity ? scope : null;
    }

    /** The bean and its one method for the arguments, found at the first evaluation (the diagram is parsed before every bean exists). */
    private boolean resolved() {
        if (target != NOT_RESOLVED) {
            return literals != null;
        }
        synchronized (this) {
            if (target == NOT_RESOLVED) {
                Object bean = beans.getBean(beanName);
                if (methodName != null) {
                    method = methodFor(bean.getClass());
                    literals = method == null ? null : literals(method.getParameterTypes());
                } else {
                    literals = new Object[0];
                }
                target = bean;
            }
        }
        return literals != null;
    }

    private Method methodFor(Class<?> type) {
        List<Method> candidates = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(methodName) && m.getParameterCount() == arguments.size() && !m.isBridge()
                        && !Modifier.isStatic(m.getModifiers()))
                .toList();
        if (candidates.size() != 1) {
            return null;
        }
        Method found = candidates.get(0);
        found.setAccessible(true);
        return found;
    }

    /** The text arguments converted once (to String or an enum constant), null in the places of the scope's; null if one does not fit. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private Object[] literals(Class<?>[] types) {
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            String argument = arguments.get(i);
            Class<?> type = types[i];
            if (argument.startsWith("'")) {
                String value = argument.substring(1, argument.length() - 1);
                if (type == String.class || type == Object.class || type == CharSequence.class) {
                    values[i] = value;
                } else if (type.isEnum()) {
                    try {
                        values[i] = Enum.valueOf((Class<Enum>) type, value);
                    } catch (IllegalArgumentException notAConstant) {
                        return null;
                    }
                } else {
                    return null;
                }
            } else if (!type.isAssignableFrom("task".equals(argument) ? TaskEntity.class : ExecutionEntity.class)) {
                return null;
            }
        }
        return values;
    }

    @Override
    public void setValue(Object value, VariableScope variableScope) {
        juel().setValue(value, variableScope);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope, BaseDelegateExecution contextExecution) {
        juel().setValue(value, variableScope, contextExecution);
    }

    @Override
    public boolean isLiteralText() {
        return false;
    }

    @Override
    public String getExpressionText() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
