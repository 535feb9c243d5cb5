package cn.huiqi.timelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import cn.huiqi.catalogue.MeasureCatalogue;

/**
 * Checks {@code huiqi.time-limits} at start, like the fund's caps: every measure must be in the catalogue and every
 * step a user task of the models under {@code bpmn/}; otherwise the application does not start, naming the known ones.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeLimitProperties.class)
class TimeLimitSetup implements SmartInitializingSingleton {

    private final TimeLimitProperties properties;
    private final MeasureCatalogue catalogue;

    TimeLimitSetup(TimeLimitProperties properties, MeasureCatalogue catalogue) {
        this.properties = properties;
        this.catalogue = catalogue;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = problems(properties, catalogue.ids(), userTasks());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid time limits (huiqi.time-limits): " + String.join("; ", problems));
        }
    }

    static List<String> problems(TimeLimitProperties properties, List<String> measures, TreeSet<String> steps) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> measure : properties.getSteps().entrySet()) {
            if (!measures.contains(measure.getKey())) {
                problems.add("unknown measure '" + measure.getKey() + "' (known: " + String.join(", ", measures) + ")");
            }
            measure.getValue().forEach((step, days) -> {
                if (!steps.contains(step)) {
                    problems.add("unknown step '" + step + "' of " + measure.getKey() + " (user tasks: " + String.join(", ", steps) + ")");
                }
                if (days == null || days < 1) {
                    problems.add("the limit of " + measure.getKey() + " " + step + " must be at least 1 working day, not " + days);
                }
            });
        }
        TimeLimitProperties.Supplement supplement = properties.getSupplement();
        supplement.getPauses().forEach((task, step) -> {
            for (String id : List.of(task, step)) {
                if (!steps.contains(id)) {
                    problems.add("unknown step '" + id + "' in supplement.pauses (user tasks: " + String.join(", ", steps) + ")");
                }
            }
        });
        if (supplement.getDeadline() < 1 || supplement.getReminderBefore() < 0 || supplement.getReminderBefore() >= supplement.getDeadline()) {
            problems.add("supplement.deadline must be at least 1 and supplement.reminder-before between 0 and the deadline − 1");
        }
        if (properties.getReminderPercent() < 1 || properties.getReminderPercent() > 99) {
            problems.add("reminder-percent must be between 1 and 99, not " + properties.getReminderPercent());
        }
        return problems;
    }

    /** The ids of the user tasks of every model the application deploys. */
    static TreeSet<String> userTasks() {
        TreeSet<String> ids = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
                try (InputStream in = resource.getInputStream()) {
                    Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class).forEach(task -> ids.add(task.getId()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
