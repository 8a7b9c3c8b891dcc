package dev.claudecode.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LazyJsonTest {

    private static final JsonNode TREE = Json.parse(
            "{\"a\":1,\"b\":[true,null,{\"c\":\"d\"}],\"e\":{\"f\":2.5},\"g\":null,\"h\":{},\"i\":[]}");

    @Test
    void aLazyMapEqualsTheEagerConversionAndKeepsOrderAndNulls() {
        Map<String, Object> lazy = Json.lazyMap(TREE);
        Map<String, Object> eager = Json.toMap(TREE);

        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager);
        assertThat(lazy.keySet()).containsExactly("a", "b", "e", "g", "h", "i");
        assertThat(lazy).containsEntry("g", null);
        assertThat(lazy.get("b")).isEqualTo(java.util.Arrays.asList(true, null, Map.of("c", "d")));
        assertThat(lazy.toString()).isEqualTo(eager.toString());
    }

    @Test
    void lazyValuesAreUnmodifiableAllTheWayDown() {
        Map<String, Object> lazy = Json.lazyMap(TREE);

        assertThatThrownBy(() -> lazy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> lazy.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) lazy.get("e");
        assertThatThrownBy(() -> nested.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) Json.lazyJava(TREE.get("b"));
        assertThatThrownBy(() -> list.add(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(list).hasSize(3);
    }

    @Test
    void copiesKeepLazyValuesAsTheyAre() {
        Map<String, Object> lazy = Json.lazyMap(TREE);
        Object lazyList = Json.lazyJava(TREE.get("b"));

        assertThat(JsonValues.copyMap(lazy)).isSameAs(lazy);
        assertThat(JsonValues.copy(lazyList)).isSameAs(lazyList);
        assertThat(JsonValues.copyMap(Map.of("k", lazy)).get("k")).isSameAs(lazy);
    }

    @Test
    void emptyAndNonContainerNodesGiveThePlainValues() {
        assertThat(Json.lazyMap(TREE.get("h"))).isEmpty();
        assertThat(Json.lazyMap(TREE.get("a"))).isEmpty();
        assertThat(Json.lazyMap(null)).isEmpty();
        assertThat(Json.lazyJava(TREE.get("i"))).isEqualTo(List.of());
        assertThat(Json.lazyJava(TREE.get("a"))).isEqualTo(1);
        assertThat(Json.lazyJava(TREE.get("g"))).isNull();
    }
}
