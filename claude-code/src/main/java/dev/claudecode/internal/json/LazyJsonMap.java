package dev.claudecode.internal.json;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An unmodifiable plain-Java view of a JSON object that converts the tree only when it is first
 * read. Decoded messages carry their whole JSON ({@code raw()}) and some free-form fields this
 * way: most callers never look at them, and converting every message eagerly cost as much as
 * parsing it. The tree must not change after the view is made; the decoder's trees never do.
 */
final class LazyJsonMap extends AbstractMap<String, Object> {

    private JsonNode node;
    private volatile Map<String, Object> converted;

    LazyJsonMap(JsonNode node) {
        this.node = node;
    }

    private Map<String, Object> converted() {
        Map<String, Object> map = converted;
        if (map == null) {
            synchronized (this) {
                map = converted;
                if (map == null) {
                    map = Json.toMap(node);
                    converted = map;
                    node = null;
                }
            }
        }
        return map;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return converted().entrySet();
    }

    @Override
    public Object get(Object key) {
        return converted().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return converted().containsKey(key);
    }

    @Override
    public int size() {
        return converted().size();
    }

    @Override
    public boolean isEmpty() {
        return converted().isEmpty();
    }
}
