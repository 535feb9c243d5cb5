package cn.huiqi.process;

import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.impl.value.ObjectValueImpl;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Transient lists and maps are handed on as the objects they are. The engine serializes every object variable when it
 * is set, and again when the command closes to see whether it changed in place, also when it is transient and is
 * never written: a rule task's result ({@code decisionResult}, {@link RuleResults#passOn}), an application's order
 * list read once by its first step, a reviewer's handed-on order verification. That was three JSON serializations
 * of each per command, about 2 % of a measure-1 lifecycle's request CPU (docs/performance.md, "Eleventh pass").
 * Placed before the engine's serializers, this one takes a transient list, map or deserialized object value in JSON
 * and keeps it as it is; a value that is stored, or that a primitive type holds, goes to the engine's serializers as
 * before.
 */
@Component
class TransientObjectsKept extends AbstractProcessEnginePlugin {

    static final String NAME = "huiqi-transient-object";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineLists.add(configuration.getCustomPreVariableSerializers(), Serializer.INSTANCE,
                configuration::setCustomPreVariableSerializers);
    }

    static final class Serializer implements TypedValueSerializer<ObjectValue> {

        static final Serializer INSTANCE = new Serializer();

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public ValueType getType() {
            return ValueType.OBJECT;
        }

        /** JSON, the engine's default format: where the JSON serializer could also take a value, this one is chosen. */
        @Override
        public String getSerializationDataformat() {
            return SerializationDataFormats.JSON.getName();
        }

        @Override
        public boolean canHandle(TypedValue value) {
            if (!value.isTransient()) {
                return false;
            }
            if (value instanceof UntypedValueImpl) {
                return value.getValue() instanceof Collection || value.getValue() instanceof Map;
            }
            return value instanceof ObjectValue object && object.isDeserialized() && object.getValue() != null
                    && (object.getSerializationDataFormat() == null || getSerializationDataformat().equals(object.getSerializationDataFormat()));
        }

        @Override
        public ObjectValue convertToTypedValue(UntypedValueImpl untyped) {
            Object value = untyped.getValue();
            ObjectValueImpl object = new ObjectValueImpl(value, null, getSerializationDataformat(), value.getClass().getName(), true);
            object.setTransient(true); // the engine reads a value back only as what it was set as
            return object;
        }

        @Override
        public void writeValue(ObjectValue value, ValueFields fields) {
            // nothing: a transient value lives only in the command that set it
        }

        @Override
        public ObjectValue readValue(ValueFields fields, boolean deserialize, boolean isTransient) {
            throw new IllegalStateException("transient variable '" + fields.getName() + "' has no stored value to read");
        }

        /** Never changed behind the engine's back in a way that matters: nothing of it is stored. */
        @Override
        public boolean isMutableValue(ObjectValue value) {
            return false;
        }
    }
}
