package dev.claudecode.internal.protocol;

import dev.claudecode.internal.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Tolerant readers of fields of the CLI's JSON objects. A field that is absent, {@code null} or of
 * the wrong type reads as absent (or as the stated default); no reader throws, because the decoder
 * must survive any JSON object a CLI might write.
 */
public final class Fields {

    private Fields() {
    }

    /** @return the string field, or "" when absent or not a string */
    public static String string(JsonNode node, String field) {
        return Json.text(node, field, "");
    }

    /** @return the string field, when present and a string */
    public static Optional<String> optString(JsonNode node, String field) {
        return Json.text(node, field);
    }

    /** @return the boolean field, or false when absent or not a boolean */
    public static boolean bool(JsonNode node, String field) {
        return Json.bool(node, field, false);
    }

    /** @return the boolean field, when present and a boolean */
    public static Optional<Boolean> optBool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
    }

    /** @return the numeric field as a long, or 0 */
    public static long longValue(JsonNode node, String field) {
        return Json.longValue(node, field).orElse(0L);
    }

    /** @return the numeric field as a long, when present and representable */
    public static OptionalLong optLong(JsonNode node, String field) {
        Optional<Long> value = Json.longValue(node, field);
        return value.isPresent() ? OptionalLong.of(value.get()) : OptionalLong.empty();
    }

    /** @return the numeric field as an int, or 0 when absent or outside the int range */
    public static int intValue(JsonNode node, String field) {
        return optInt(node, field).orElse(0);
    }

    /** @return the numeric field as an int, when present and within the int range */
    public static OptionalInt optInt(JsonNode node, String field) {
        Optional<Long> value = Json.longValue(node, field);
        return value.isPresent() && value.get() == value.get().intValue()
                ? OptionalInt.of(value.get().intValue())
                : OptionalInt.empty();
    }

    /** @return the numeric field as a double, or 0 */
    public static double doubleValue(JsonNode node, String field) {
        return Json.doubleValue(node, field).orElse(0.0);
    }

    /** @return the numeric field as a double, when present and a number */
    public static OptionalDouble optDouble(JsonNode node, String field) {
        Optional<Double> value = Json.doubleValue(node, field);
        return value.isPresent() ? OptionalDouble.of(value.get()) : OptionalDouble.empty();
    }

    /** @return the string elements of an array field; empty when absent or not an array */
    public static List<String> strings(JsonNode node, String field) {
        return Json.strings(node == null ? null : node.get(field));
    }

    /** @return an object field as a plain map, converted when first read; empty when absent or not an object */
    public static Map<String, Object> map(JsonNode node, String field) {
        return Json.lazyMap(node == null ? null : node.get(field));
    }

    /** @return an object field as a plain map, converted when first read, when present and an object */
    public static Optional<Map<String, Object>> optMap(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? Optional.of(Json.lazyMap(value)) : Optional.empty();
    }

    /** @return any field as a plain value; empty when absent or null */
    public static Optional<Object> value(JsonNode node, String field) {
        return Optional.ofNullable(Json.lazyJava(node == null ? null : node.get(field)));
    }

    /**
     * Returns an object field, or a missing node (on which every reader here finds nothing) when
     * the field is absent or not an object, so nested reads need no null checks.
     */
    public static JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : MissingNode.getInstance();
    }

    /** @return the elements of an array field; empty when absent or not an array */
    public static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isArray() ? value : List.of();
    }

    /**
     * Reads the objects of an array field; elements that are not objects are skipped.
     *
     * @param node the object holding the array
     * @param field the array field
     * @param read turns one element into its value
     * @param <T> the value type
     * @return the values in array order, unmodifiable; empty when the field is absent or not an array
     */
    public static <T> List<T> objects(JsonNode node, String field, Function<JsonNode, T> read) {
        List<T> values = new ArrayList<>();
        for (JsonNode element : array(node, field)) {
            if (element.isObject()) {
                values.add(read.apply(element));
            }
        }
        return Collections.unmodifiableList(values);
    }

    /** @return the whole object as a plain map, converted when first read */
    public static Map<String, Object> raw(JsonNode message) {
        return Json.lazyMap(message);
    }
}
