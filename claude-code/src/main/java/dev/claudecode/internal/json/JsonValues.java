package dev.claudecode.internal.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable deep copies of plain JSON values ({@code Map}, {@code List}, {@code String}, {@code
 * Number}, {@code Boolean}, {@code null}), for the records of the public API. Unlike {@code
 * Map.copyOf} and {@code List.copyOf} these keep {@code null} values and keys' insertion order,
 * because JSON objects and arrays may hold {@code null}.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * Copies a map deeply into an unmodifiable, insertion-ordered map.
     *
     * @param map the map, may be null (gives an empty map)
     * @return the copy
     */
    public static Map<String, Object> copyMap(Map<String, ?> map) {
        if (map instanceof LazyJsonMap lazy) {
            return lazy;
        }
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            copy.put(entry.getKey(), copy(entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Copies a list deeply into an unmodifiable list.
     *
     * @param list the list, may be null (gives an empty list)
     * @return the copy
     */
    public static List<Object> copyList(List<?> list) {
        if (list instanceof LazyJsonList lazy) {
            return lazy;
        }
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<Object> copy = new ArrayList<>(list.size());
        for (Object element : list) {
            copy.add(copy(element));
        }
        return Collections.unmodifiableList(copy);
    }

    /**
     * Copies one plain value deeply: maps and lists become unmodifiable copies, every other value
     * (strings, numbers, booleans, null, and any immutable object) is returned as it is.
     *
     * @param value the value
     * @return the copy
     */
    public static Object copy(Object value) {
        if (value instanceof LazyJsonMap || value instanceof LazyJsonList) {
            return value; // deeply immutable already
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(String.valueOf(entry.getKey()), copy(entry.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            return copyList(list);
        }
        return value;
    }
}
