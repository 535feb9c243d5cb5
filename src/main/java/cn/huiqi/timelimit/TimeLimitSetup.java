package cn.huiqi.timelimit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;

/**
 * Checks {@code huiqi.time-limits} at start, like the fund's caps: every measure must be in the catalogue and every
 * step a user task of the models under {@code bpmn/}; otherwise the application does not start, naming the known ones.
 * And the other way round: every unit's step (a user task with candidate groups) a measure's cases reach has a limit
 * for that measure, so every task of a unit's queue has a due date. Tasklist's queues sort by due date ascending and
 * the engine has no "nulls last" (Camunda 7.24 orders by the bare column; MariaDB puts NULL first): a task without
 * one would sit above every dated task.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeLimitProperties.class)
class TimeLimitSetup implements SmartInitializingSingleton {

    private final TimeLimitProperties properties;
    private final MeasureCatalogue catalogue;
    private final List<StepLimits> measureLimits;

    TimeLimitSetup(TimeLimitProperties properties, MeasureCatalogue catalogue, List<StepLimits> measureLimits) {
        this.properties = properties;
        this.catalogue = catalogue;
        this.measureLimits = measureLimits;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, ProcessOutline> processes = ProcessOutline.bundled();
        List<String> problems = problems(properties, catalogue.ids(), userTasks(processes));
        Map<String, Set<String>> ownSteps = new LinkedHashMap<>();
        measureLimits.forEach(limits -> ownSteps.computeIfAbsent(limits.measure(), m -> new TreeSet<>()).addAll(limits.steps()));
        problems.addAll(unitStepsWithoutLimit(properties, catalogue.all(), processes, ownSteps));
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
        if (properties.getCheckEvery() == null || properties.getCheckEvery().isNegative() || properties.getCheckEvery().isZero()
                || properties.getCheckEvery().compareTo(java.time.Duration.ofHours(1)) > 0) {
            problems.add("check-every must be more than 0 and at most an hour, not " + properties.getCheckEvery());
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

    /**
     * The unit's steps a measure's cases reach that have no limit for the measure. A measure's cases reach the user
     * tasks of its processes and of the processes these call; a process no measure's process reaches (the fund's
     * settlement, started by the system for a paying measure) counts for every paying measure.
     */
    static List<String> unitStepsWithoutLimit(TimeLimitProperties properties, List<Measure> measures,
                                              Map<String, ProcessOutline> processes) {
        return unitStepsWithoutLimit(properties, measures, processes, Map.of());
    }

    /** As above; {@code ownSteps}: per measure, the steps its {@link StepLimits} gives limits for (they count as covered). */
    static List<String> unitStepsWithoutLimit(TimeLimitProperties properties, List<Measure> measures,
                                              Map<String, ProcessOutline> processes, Map<String, Set<String>> ownSteps) {
        Set<String> reachedByAMeasure = new HashSet<>();
        Map<String, Set<String>> reached = new LinkedHashMap<>();
        for (Measure measure : measures) {
            Set<String> keys = reachable(measure.processKeys(), processes);
            reached.put(measure.id(), keys);
            reachedByAMeasure.addAll(keys);
        }
        List<String> problems = new ArrayList<>();
        for (Measure measure : measures) {
            if (measure.processKeys().isEmpty()) {
                continue;
            }
            Set<String> keys = new TreeSet<>(reached.get(measure.id()));
            if (measure.paysMoney()) {
                processes.keySet().stream().filter(key -> !reachedByAMeasure.contains(key)).forEach(keys::add);
            }
            Set<String> limits = new HashSet<>(properties.getSteps().getOrDefault(measure.id(), Map.of()).keySet());
            limits.addAll(ownSteps.getOrDefault(measure.id(), Set.of()));
            for (String key : keys) {
                ProcessOutline process = processes.get(key);
                if (process == null) {
                    continue;
                }
                new TreeSet<>(process.unitSteps()).stream().filter(step -> !limits.contains(step))
                        .forEach(step -> problems.add("no limit for " + measure.id() + " " + step + " (a unit's step of "
                                + key + "): every task of a unit's queue needs a due date"));
            }
        }
        return problems;
    }

    private static Set<String> reachable(List<String> starts, Map<String, ProcessOutline> processes) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(starts);
        while (!todo.isEmpty()) {
            String key = todo.pop();
            ProcessOutline process = processes.get(key);
            if (!seen.add(key) || process == null) {
                continue;
            }
            process.calledProcesses().forEach(todo::push);
        }
        return seen;
    }

    /** The ids of the user tasks of these processes. */
    static TreeSet<String> userTasks(Map<String, ProcessOutline> processes) {
        TreeSet<String> ids = new TreeSet<>();
        processes.values().forEach(process -> ids.addAll(process.userTasks()));
        return ids;
    }
}
