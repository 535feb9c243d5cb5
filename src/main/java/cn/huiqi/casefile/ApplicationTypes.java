package cn.huiqi.casefile;

import java.util.List;

import org.springframework.stereotype.Component;

/** All measures' {@link ApplicationType}s, found by process key. */
@Component
public class ApplicationTypes {

    private final List<ApplicationType> types;

    public ApplicationTypes(List<ApplicationType> types) {
        this.types = List.copyOf(types);
    }

    public List<ApplicationType> all() {
        return types;
    }

    public java.util.Optional<ApplicationType> forMeasure(String measure) {
        return types.stream().filter(t -> t.measure().equals(measure)).findFirst();
    }

    public ApplicationType forProcess(String processKey) {
        return types.stream().filter(t -> t.processKey().equals(processKey)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no application type for process " + processKey));
    }
}
