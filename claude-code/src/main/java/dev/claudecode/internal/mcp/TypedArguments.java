package dev.claudecode.internal.mcp;

import dev.claudecode.internal.json.Json;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns a tool's JSON arguments into the Java values its schema ({@link ToolSchemas}) promised:
 * records are built component by component under the names the schema uses (so
 * {@code @McpParam(name = ...)} holds at every depth), containers element by element, and scalars
 * through the shared JSON mapper. A value that does not fit fails with the argument's name.
 */
public final class TypedArguments {

    private TypedArguments() {
    }

    /**
     * @param arguments the tool's arguments
     * @param recordType the record they form
     * @param <T> the record type
     * @return the record
     * @throws IllegalArgumentException when an argument is missing or does not fit
     */
    public static <T> T convert(Map<String, Object> arguments, Class<T> recordType) {
        return recordType.cast(record(arguments, recordType, ""));
    }

    /**
     * @param arguments the tool's arguments
     * @param properties the method parameters they are for
     * @return the parameter values, in order
     * @throws IllegalArgumentException when an argument is missing or does not fit
     */
    public static Object[] forParameters(Map<String, Object> arguments, List<ToolSchemas.Property> properties) {
        Object[] values = new Object[properties.size()];
        for (int i = 0; i < values.length; i++) {
            ToolSchemas.Property property = properties.get(i);
            values[i] = value(arguments.get(property.name()), arguments.containsKey(property.name()), property.type(),
                    property.name(), property.required());
        }
        return values;
    }

    private static Object record(Object value, Class<?> recordType, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(label(path) + "must be an object, was " + Json.write(value));
        }
        List<ToolSchemas.Property> properties = ToolSchemas.properties(recordType);
        RecordComponent[] components = recordType.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            ToolSchemas.Property property = properties.get(i);
            types[i] = components[i].getType();
            String name = path.isEmpty() ? property.name() : path + "." + property.name();
            values[i] = value(map.get(property.name()), map.containsKey(property.name()), property.type(), name,
                    property.required());
        }
        try {
            Constructor<?> constructor = recordType.getDeclaredConstructor(types);
            constructor.trySetAccessible();
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(label(path) + "is not valid: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + recordType.getName() + ": " + e.getMessage(), e);
        }
    }

    private static Object value(Object value, boolean present, Type type, String path, boolean required) {
        Class<?> raw = ToolSchemas.raw(type);
        if (value == null) {
            if (raw == Optional.class) {
                return Optional.empty();
            }
            if (raw == OptionalInt.class) {
                return OptionalInt.empty();
            }
            if (raw == OptionalLong.class) {
                return OptionalLong.empty();
            }
            if (raw == OptionalDouble.class) {
                return OptionalDouble.empty();
            }
            if (raw.isPrimitive() || required && !present) {
                throw new IllegalArgumentException("missing argument '" + path + "'");
            }
            return null;
        }
        return convert(value, type, path);
    }

    private static Object convert(Object value, Type type, String path) {
        Class<?> raw = ToolSchemas.raw(type);
        Type[] arguments = type instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
        if (raw == Optional.class && arguments.length == 1) {
            return Optional.of(convert(value, arguments[0], path));
        }
        if (raw.isRecord()) {
            return record(value, raw, path);
        }
        if (Collection.class.isAssignableFrom(raw) && arguments.length == 1 && value instanceof List<?> list) {
            List<Object> elements = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                elements.add(convert(list.get(i), arguments[0], path + "[" + i + "]"));
            }
            return Set.class.isAssignableFrom(raw) ? Collections.unmodifiableSet(new LinkedHashSet<>(elements))
                    : Collections.unmodifiableList(elements);
        }
        if (Map.class.isAssignableFrom(raw) && arguments.length == 2 && value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, element) -> converted.put(String.valueOf(key),
                    convert(element, arguments[1], path + "." + key)));
            return converted;
        }
        Type component = type instanceof GenericArrayType array ? array.getGenericComponentType()
                : raw.isArray() && raw != byte[].class ? raw.getComponentType() : null;
        if (component != null && value instanceof List<?> list) {
            Object array = Array.newInstance(ToolSchemas.raw(component), list.size());
            for (int i = 0; i < list.size(); i++) {
                Array.set(array, i, convert(list.get(i), component, path + "[" + i + "]"));
            }
            return array;
        }
        try {
            return Json.MAPPER.convertValue(value, Json.MAPPER.getTypeFactory().constructType(type));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(label(path) + "does not fit " + type.getTypeName() + ": "
                    + Json.write(value), e);
        }
    }

    private static String label(String path) {
        return path.isEmpty() ? "the arguments " : "argument '" + path + "' ";
    }
}
