package cn.huiqi.timelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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
        Map<String, BpmnModelInstance> models = models();
        List<String> problems = problems(properties, catalogue.ids(), userTasks(models));
        Map<String, Set<String>> ownSteps = new LinkedHashMap<>();
        measureLimits.forEach(limits -> ownSteps.computeIfAbsent(limits.measure(), m -> new TreeSet<>()).addAll(limits.steps()));
        problems.addAll(unitStepsWithoutLimit(properties, catalogue.all(), models, ownSteps));
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
                                              Map<String, BpmnModelInstance> models) {
        return unitStepsWithoutLimit(properties, measures, models, Map.of());
    }

    /** As above; {@code ownSteps}: per measure, the steps its {@link StepLimits} gives limits for (they count as covered). */
    static List<String> unitStepsWithoutLimit(TimeLimitProperties properties, List<Measure> measures,
                                              Map<String, BpmnModelInstance> models, Map<String, Set<String>> ownSteps) {
        Map<String, Process> processes = new LinkedHashMap<>();
        models.values().forEach(model -> model.getModelElementsByType(Process.class)
                .forEach(process -> processes.put(process.getId(), process)));
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
                Process process = processes.get(key);
                if (process == null) {
                    continue;
                }
                new TreeSet<>(unitSteps(process)).stream().filter(step -> !limits.contains(step))
                        .forEach(step -> problems.add("no limit for " + measure.id() + " " + step + " (a unit's step of "
                                + key + "): every task of a unit's queue needs a due date"));
            }
        }
        return problems;
    }

    private static Set<String> reachable(List<String> starts, Map<String, Process> processes) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(starts);
        while (!todo.isEmpty()) {
            String key = todo.pop();
            Process process = processes.get(key);
            if (!seen.add(key) || process == null) {
                continue;
            }
            process.getModelInstance().getModelElementsByType(CallActivity.class).stream()
                    .filter(call -> processOf(call) == process && call.getCalledElement() != null)
                    .forEach(call -> todo.push(call.getCalledElement()));
        }
        return seen;
    }

    /** The user tasks of a process (in sub-processes too) that a unit works on: those with candidate groups. */
    private static Set<String> unitSteps(Process process) {
        Set<String> steps = new HashSet<>();
        process.getModelInstance().getModelElementsByType(UserTask.class).stream()
                .filter(task -> processOf(task) == process)
                .filter(task -> task.getCamundaCandidateGroups() != null && !task.getCamundaCandidateGroups().isBlank())
                .forEach(task -> steps.add(task.getId()));
        return steps;
    }

    private static Process processOf(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
        org.camunda.bpm.model.xml.instance.ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    /** The ids of the user tasks of these models. */
    static TreeSet<String> userTasks(Map<String, BpmnModelInstance> models) {
        TreeSet<String> ids = new TreeSet<>();
        models.values().forEach(model -> model.getModelElementsByType(UserTask.class).forEach(task -> ids.add(task.getId())));
        return ids;
    }

    /** Every model the application deploys ({@code bpmn/}), by resource name. */
    static Map<String, BpmnModelInstance> models() {
        Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
                try (InputStream in = resource.getInputStream()) {
                    models.put(resource.getFilename(), Bpmn.readModelFromStream(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return models;
    }
}
