package dev.claudecode.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The testkit's own small JSON codec: the fake API reads request bodies and writes responses with it. */
final class TestkitJson {

    // Request bodies carry whole conversations: no length limits, only a nesting bound.
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(Integer.MAX_VALUE)
                            .maxDocumentLength(-1)
                            .maxNestingDepth(2_000)
                            .build())
                    .build())
            .build();

    private TestkitJson() {
    }

    /** @return the JSON text of a value (maps, lists, strings, numbers, booleans, records, nodes) */
    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** @return the parsed tree of a JSON text */
    static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    /** @return an object node as plain Java (maps, lists, strings, numbers, booleans, nulls); any other node gives an empty map */
    static Map<String, Object> toMap(JsonNode object) {
        if (object == null || !object.isObject()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            map.put(field.getKey(), toJava(field.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    /** @return a JSON text's object as plain Java */
    static Map<String, Object> parseObject(String text) {
        return toMap(parse(text));
    }

    private static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return toMap(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toJava(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.numberValue();
    }
}
