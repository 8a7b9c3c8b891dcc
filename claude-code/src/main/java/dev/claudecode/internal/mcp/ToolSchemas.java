package dev.claudecode.internal.mcp;

import dev.claudecode.mcp.McpParam;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * JSON schemas for the arguments of Java tools, from Java types: {@code String} and {@code char}
 * are strings; integral types integers; other numbers numbers; {@code boolean} booleans; enums
 * strings with their constants; arrays and collections arrays ({@code Set}s with unique items);
 * maps with string keys objects whose values follow the value type; records objects with one
 * property per component; {@code Optional} values are their content's schema but not required;
 * {@code Object} is any value. UUIDs, URIs, paths and java.time values are strings with a
 * {@code format} where JSON schema has one. Anything else is refused with the type's name, so a
 * tool never advertises a schema its arguments cannot be read back from.
 */
public final class ToolSchemas {

    /**
     * One argument: a method parameter or a record component.
     *
     * @param name its name in the JSON object
     * @param type its Java type
     * @param description what it means, if described
     * @param required whether the model must give it
     */
    public record Property(String name, Type type, Optional<String> description, boolean required) {
    }

    private ToolSchemas() {
    }

    /**
     * @param recordType a record
     * @return the {@code object} schema of its components
     */
    public static Map<String, Object> forRecord(Class<? extends Record> recordType) {
        return schema(recordType);
    }

    /**
     * @param properties the arguments
     * @return the {@code object} schema with them as properties
     */
    public static Map<String, Object> objectSchema(List<Property> properties) {
        return objectSchema(properties, new ArrayDeque<>());
    }

    /**
     * @param recordType a record
     * @return its components as arguments
     */
    public static List<Property> properties(Class<?> recordType) {
        List<Property> properties = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            McpParam param = component.getAnnotation(McpParam.class);
            String name = param != null && !param.name().isBlank() ? param.name() : component.getName();
            properties.add(property(name, component.getGenericType(), param));
        }
        return properties;
    }

    /**
     * @param method a tool method
     * @return its parameters as arguments
     * @throws IllegalArgumentException when a parameter has no name
     */
    public static List<Property> properties(Method method) {
        List<Property> properties = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            McpParam param = parameter.getAnnotation(McpParam.class);
            String name;
            if (param != null && !param.name().isBlank()) {
                name = param.name();
            } else if (parameter.isNamePresent()) {
                name = parameter.getName();
            } else {
                throw new IllegalArgumentException("parameter " + (i + 1) + " of " + method
                        + " has no name: annotate it with @McpParam(name = \"...\") or compile with -parameters");
            }
            properties.add(property(name, parameter.getParameterizedType(), param));
        }
        return properties;
    }

    private static Property property(String name, Type type, McpParam param) {
        Optional<String> description = param == null || param.description().isBlank()
                ? Optional.empty() : Optional.of(param.description());
        boolean primitive = type instanceof Class<?> c && c.isPrimitive();
        boolean required = primitive || !isOptional(type) && (param == null || param.required());
        return new Property(name, type, description, required);
    }

    /**
     * @param type a Java type
     * @return whether an absent value reads as empty rather than missing
     */
    static boolean isOptional(Type type) {
        Class<?> raw = raw(type);
        return raw == Optional.class || raw == OptionalInt.class || raw == OptionalLong.class
                || raw == OptionalDouble.class;
    }

    /**
     * @param type a Java type
     * @return its JSON schema
     * @throws IllegalArgumentException for a type that has none
     */
    public static Map<String, Object> schema(Type type) {
        return schema(type, new ArrayDeque<>());
    }

    private static Map<String, Object> objectSchema(List<Property> properties, Deque<Class<?>> path) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        Map<String, Object> json = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Property property : properties) {
            Map<String, Object> propertySchema = new LinkedHashMap<>(schema(property.type(), path));
            property.description().ifPresent(text -> propertySchema.put("description", text));
            json.put(property.name(), propertySchema);
            if (property.required()) {
                required.add(property.name());
            }
        }
        schema.put("properties", json);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private static Map<String, Object> schema(Type type, Deque<Class<?>> path) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized(parameterized, path);
        }
        if (type instanceof GenericArrayType array) {
            return Map.of("type", "array", "items", schema(array.getGenericComponentType(), path));
        }
        if (type instanceof WildcardType wildcard) {
            return schema(wildcard.getUpperBounds()[0], path);
        }
        if (type instanceof Class<?> c) {
            return plain(c, path);
        }
        throw unsupported(type);
    }

    private static Map<String, Object> parameterized(ParameterizedType type, Deque<Class<?>> path) {
        Class<?> raw = raw(type);
        Type[] arguments = type.getActualTypeArguments();
        if (raw == Optional.class) {
            return schema(arguments[0], path);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "array");
            schema.put("items", schema(arguments[0], path));
            if (Set.class.isAssignableFrom(raw)) {
                schema.put("uniqueItems", true);
            }
            return schema;
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (raw(arguments[0]) != String.class) {
                throw new IllegalArgumentException("a map argument needs String keys, was " + type.getTypeName());
            }
            if (raw(arguments[1]) == Object.class) {
                return Map.of("type", "object");
            }
            return Map.of("type", "object", "additionalProperties", schema(arguments[1], path));
        }
        throw unsupported(type);
    }

    private static Map<String, Object> plain(Class<?> c, Deque<Class<?>> path) {
        if (c == String.class || c == CharSequence.class || c == char.class || c == Character.class) {
            return Map.of("type", "string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == int.class || c == long.class || c == short.class || c == byte.class || c == Integer.class
                || c == Long.class || c == Short.class || c == Byte.class || c == BigInteger.class
                || c == OptionalInt.class || c == OptionalLong.class) {
            return Map.of("type", "integer");
        }
        if (c == double.class || c == float.class || c == Double.class || c == Float.class || c == BigDecimal.class
                || c == Number.class || c == OptionalDouble.class) {
            return Map.of("type", "number");
        }
        if (c.isEnum()) {
            List<String> constants = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                constants.add(((Enum<?>) constant).name());
            }
            return Map.of("type", "string", "enum", constants);
        }
        if (c == byte[].class) {
            return Map.of("type", "string", "contentEncoding", "base64");
        }
        if (c.isArray()) {
            return Map.of("type", "array", "items", schema(c.getComponentType(), path));
        }
        if (c.isRecord()) {
            if (path.contains(c)) {
                return Map.of("type", "object");
            }
            path.push(c);
            try {
                return objectSchema(properties(c), path);
            } finally {
                path.pop();
            }
        }
        if (c == Object.class) {
            return Map.of();
        }
        if (Map.class.isAssignableFrom(c)) {
            return Map.of("type", "object");
        }
        if (Collection.class.isAssignableFrom(c)) {
            return Map.of("type", "array");
        }
        return formatted(c).orElseThrow(() -> unsupported(c));
    }

    private static Optional<Map<String, Object>> formatted(Class<?> c) {
        String format = null;
        if (c == UUID.class) {
            format = "uuid";
        } else if (c == URI.class || c == URL.class) {
            format = "uri";
        } else if (c == LocalDate.class) {
            format = "date";
        } else if (c == LocalTime.class) {
            format = "time";
        } else if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            format = "date-time";
        } else if (c == Duration.class) {
            format = "duration";
        } else if (c != Path.class && c != LocalDateTime.class) {
            return Optional.empty();
        }
        return Optional.of(format == null ? Map.of("type", "string") : Map.of("type", "string", "format", format));
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        if (type instanceof WildcardType wildcard) {
            return raw(wildcard.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static IllegalArgumentException unsupported(Type type) {
        return new IllegalArgumentException("type " + type.getTypeName() + " cannot be an MCP tool argument: use a"
                + " String, number, boolean, enum, record, List, Set, array, Map with String keys or Optional");
    }
}
