package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.Test;

/** Which values the serializer keeps as they are: transient lists, maps and deserialized JSON objects, nothing stored. */
class TransientObjectsKeptTest {

    private final TransientObjectsKept.Serializer serializer = TransientObjectsKept.Serializer.INSTANCE;

    @Test
    void takesTransientListsMapsAndDeserializedJsonObjects() {
        assertThat(serializer.canHandle(Variables.untypedValue(List.of(Map.of("a", 1)), true))).isTrue();
        assertThat(serializer.canHandle(Variables.untypedValue(Map.of("a", 1), true))).isTrue();
        assertThat(serializer.canHandle(Variables.objectValue(List.of(1), true).create())).isTrue();
        assertThat(serializer.canHandle(Variables.objectValue(List.of(1), true).serializationDataFormat("application/json").create())).isTrue();
    }

    @Test
    void leavesStoredPrimitiveSerializedAndOtherFormatValuesToTheEngine() {
        assertThat(serializer.canHandle(Variables.untypedValue(List.of(1)))).as("stored").isFalse();
        assertThat(serializer.canHandle(Variables.untypedValue("text", true))).as("a primitive").isFalse();
        assertThat(serializer.canHandle(Variables.serializedObjectValue("[1]").objectTypeName("java.util.ArrayList")
                .serializationDataFormat("application/json").setTransient(true).create())).as("sent serialized").isFalse();
        assertThat(serializer.canHandle(Variables.objectValue(List.of(1), true).serializationDataFormat("application/xml").create()))
                .as("another format").isFalse();
    }

    @Test
    void keepsTheValueItselfTransientAndWritesNothing() {
        List<Integer> orders = List.of(1, 2);
        ObjectValue kept = serializer.convertToTypedValue((org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl)
                Variables.untypedValue(orders, true));
        assertThat(kept.getValue()).isSameAs(orders);
        assertThat(kept.isTransient()).isTrue();
        assertThat(kept.isDeserialized()).isTrue();
        assertThat(serializer.isMutableValue(kept)).as("no check for a change in place at the command's close").isFalse();
    }
}
