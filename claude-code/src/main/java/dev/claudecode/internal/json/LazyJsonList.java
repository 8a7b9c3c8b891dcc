package dev.claudecode.internal.json;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import tools.jackson.databind.JsonNode;

/** The array counterpart of {@link LazyJsonMap}: an unmodifiable list converted on first read. */
final class LazyJsonList extends AbstractList<Object> implements RandomAccess {

    private JsonNode node;
    private volatile List<Object> converted;

    LazyJsonList(JsonNode node) {
        this.node = node;
    }

    private List<Object> converted() {
        List<Object> list = converted;
        if (list == null) {
            synchronized (this) {
                list = converted;
                if (list == null) {
                    list = Json.toList(node);
                    converted = list;
                    node = null;
                }
            }
        }
        return list;
    }

    @Override
    public Object get(int index) {
        return converted().get(index);
    }

    @Override
    public int size() {
        return converted().size();
    }
}
