package cn.huiqi.workflow;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every step's contract, by process key and activity id. */
@Component
public class TaskContracts {

    private final Map<String, TaskContract> byStep = new LinkedHashMap<>();

    public TaskContracts(List<TaskContractDeclarations> declarations) {
        for (TaskContractDeclarations declaration : declarations) {
            for (TaskContract contract : declaration.taskContracts()) {
                TaskContract earlier = byStep.putIfAbsent(key(contract.processKey(), contract.activityId()), contract);
                if (earlier != null) {
                    throw new IllegalStateException("two contracts for step " + contract.processKey() + "/" + contract.activityId());
                }
            }
        }
    }

    public Optional<TaskContract> forStep(String processKey, String activityId) {
        return Optional.ofNullable(byStep.get(key(processKey, activityId)));
    }

    /** The contract of the process's start form, if people start it. */
    public Optional<TaskContract> startOf(String processKey) {
        return byStep.values().stream().filter(c -> c.start() && c.processKey().equals(processKey)).findFirst();
    }

    public Collection<TaskContract> all() {
        return List.copyOf(byStep.values());
    }

    private static String key(String processKey, String activityId) {
        return processKey + "\u0000" + activityId;
    }
}
