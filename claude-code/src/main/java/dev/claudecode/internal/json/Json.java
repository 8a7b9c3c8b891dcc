package dev.claudecode.internal.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper of the library, and conversions between Jackson trees and the plain Java
 * values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}, {@code null})
 * that the public API exposes.
 */
public final class Json {

    /**
     * The shared mapper: thread-safe, configured once. Lines of any size are allowed (a single
     * string may fill a whole line, and the CLI writes lines of many megabytes), and nesting
     * may be deeper than Jackson's default, since tool inputs are arbitrary JSON.
     */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(Integer.MAX_VALUE)
                            .maxDocumentLength(-1)
                            .maxNestingDepth(2_000)
                            .build())
                    .build())
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** @return a new empty object node */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** @return a new empty array node */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * Parses one JSON document.
     *
     * @param text the JSON text
     * @return the tree
     * @throws tools.jackson.core.JacksonException when the text is not JSON
     */
    public static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    /**
     * Parses one JSON document from a slice of UTF-8 bytes.
     *
     * @param bytes the buffer
     * @param offset where the document starts
     * @param length how many bytes it has
     * @return the tree
     * @throws tools.jackson.core.JacksonException when the bytes are not JSON
     */
    public static JsonNode parse(byte[] bytes, int offset, int length) {
        return MAPPER.readTree(bytes, offset, length);
    }

    /** @return the compact JSON text of a tree or of a plain Java value */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * Converts a plain Java value (maps, lists, strings, numbers, booleans, null, records) to a tree.
     *
     * @param value the value
     * @return its tree
     */
    public static JsonNode toNode(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        return MAPPER.valueToTree(value);
    }

    /**
     * Copies a JSON object given as plain Java values deeply into unmodifiable, insertion-ordered
     * maps and lists, which also proves that it can be written as JSON.
     *
     * @param object the object, e.g. a JSON schema or settings
     * @return the copy
     * @throws IllegalArgumentException when a value cannot be represented as JSON
     */
    public static Map<String, Object> copyObject(Map<String, ?> object) {
        try {
            return toMap(MAPPER.valueToTree(object));
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /**
     * Converts a tree to plain Java values: objects become insertion-ordered unmodifiable maps,
     * arrays unmodifiable lists, and scalars {@code String}, {@code Long}/{@code Integer}/{@code
     * BigInteger}, {@code Double}/{@code BigDecimal}, {@code Boolean} or {@code null}.
     *
     * @param node the tree, may be null or missing
     * @return the plain value
     */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return toMap(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toJava(element));
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node.toString();
    }

    /**
     * Converts an object node to an unmodifiable, insertion-ordered map; any other node gives an
     * empty map.
     *
     * @param node the tree, may be null
     * @return the map
     */
    public static Map<String, Object> toMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            map.put(field.getKey(), toJava(field.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Like {@link #toMap}, but converts only when the map is first read. The tree must not change
     * afterwards. Such maps are deeply immutable, so {@link JsonValues} keeps them without copying.
     *
     * @param node the tree, may be null
     * @return the map
     */
    public static Map<String, Object> lazyMap(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            return Map.of();
        }
        return new LazyJsonMap(node);
    }

    /**
     * Like {@link #toJava}, but objects and arrays are converted only when first read (see
     * {@link #lazyMap}).
     *
     * @param node the tree, may be null or missing
     * @return the plain value
     */
    public static Object lazyJava(JsonNode node) {
        if (node != null && node.isObject()) {
            return lazyMap(node);
        }
        if (node != null && node.isArray()) {
            return node.isEmpty() ? List.of() : new LazyJsonList(node);
        }
        return toJava(node);
    }

    /**
     * Converts an array node to an unmodifiable list of plain values; any other node gives an
     * empty list.
     *
     * @param node the tree, may be null
     * @return the list
     */
    public static List<Object> toList(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            list.add(toJava(element));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Reads an array of strings, skipping elements that are not strings.
     *
     * @param node the tree, may be null
     * @return the strings, unmodifiable
     */
    public static List<String> strings(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<String> list = new ArrayList<>(node.size());
        for (Iterator<JsonNode> it = node.iterator(); it.hasNext(); ) {
            JsonNode element = it.next();
            if (element.isString()) {
                list.add(element.stringValue());
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** @return the text of a string field, when present and a string */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    /** @return the text of a string field, or {@code fallback} */
    public static String text(JsonNode node, String field, String fallback) {
        return text(node, field).orElse(fallback);
    }

    /** @return a boolean field, or {@code fallback} when absent or not a boolean */
    public static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() ? value.booleanValue() : fallback;
    }

    /**
     * Reads a numeric field as a long. A fractional value is truncated toward zero; a value outside
     * the {@code long} range, or one that is not a number, counts as absent. Never throws (Jackson's
     * own {@code longValue()} does for such values).
     *
     * @param node the object, may be null
     * @param field the field name
     * @return the value, when present and representable
     */
    public static Optional<Long> longValue(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return asLong(value);
    }

    /**
     * Converts a numeric node to a long with the rules of {@link #longValue(JsonNode, String)}.
     *
     * @param value the node, may be null
     * @return the value, when it is a number representable as a long
     */
    public static Optional<Long> asLong(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? Optional.of(value.longValue()) : Optional.empty();
        }
        double d = value.numberValue().doubleValue();
        // the bounds are exclusive because (double) Long.MAX_VALUE rounds up to 2^63
        if (Double.isNaN(d) || d <= -0x1p63 || d >= 0x1p63) {
            return Optional.empty();
        }
        return Optional.of((long) d);
    }

    /**
     * Reads a numeric field as a double; a value beyond the {@code double} range becomes an
     * infinity. Never throws (Jackson's own {@code doubleValue()} does for huge integers).
     *
     * @param node the object, may be null
     * @param field the field name
     * @return the value, when present and a number
     */
    public static Optional<Double> doubleValue(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber()
                ? Optional.of(value.numberValue().doubleValue())
                : Optional.empty();
    }
}
