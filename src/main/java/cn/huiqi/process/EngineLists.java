package cn.huiqi.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adds to one of the engine configuration's extension lists (parse listeners, interceptors, job handlers, history
 * levels, session factories) from a plugin's {@code preInit}, where the configuration may not have created the list
 * yet and other plugins add to it too: {@code EngineLists.add(configuration.getCustomJobHandlers(), handler,
 * configuration::setCustomJobHandlers)}.
 */
public final class EngineLists {

    private EngineLists() {
    }

    public static <T> void add(List<T> current, T item, Consumer<List<T>> set) {
        List<T> list = current == null ? new ArrayList<>() : new ArrayList<>(current);
        list.add(item);
        set.accept(list);
    }
}
