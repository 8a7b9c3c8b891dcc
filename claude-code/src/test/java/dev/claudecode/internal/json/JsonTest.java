package dev.claudecode.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonTest {

    @Test
    void numericReadersNeverThrow() {
        JsonNode node = Json.parse("{\"int\":7,\"frac\":7.9,\"neg\":-7.9,\"huge\":123456789012345678901234567890,"
                + "\"inf\":1e400,\"max\":9223372036854775807,\"text\":\"7\",\"null\":null}");
        assertThat(Json.longValue(node, "int")).contains(7L);
        assertThat(Json.longValue(node, "frac")).contains(7L);
        assertThat(Json.longValue(node, "neg")).contains(-7L);
        assertThat(Json.longValue(node, "huge")).isEmpty();
        assertThat(Json.longValue(node, "inf")).isEmpty();
        assertThat(Json.longValue(node, "max")).contains(Long.MAX_VALUE);
        assertThat(Json.longValue(node, "text")).isEmpty();
        assertThat(Json.longValue(node, "null")).isEmpty();
        assertThat(Json.longValue(node, "absent")).isEmpty();
        assertThat(Json.doubleValue(node, "huge")).contains(1.2345678901234568E29);
        assertThat(Json.doubleValue(node, "inf")).contains(Double.POSITIVE_INFINITY);
        assertThat(Json.doubleValue(node, "text")).isEmpty();
    }

    @Test
    void copiesAreDeepUnmodifiableAndKeepNulls() {
        Map<String, Object> copy = JsonValues.copyMap(Map.of("list", Arrays.asList(1, null, Map.of("k", "v"))));
        assertThat(copy.get("list")).isEqualTo(Arrays.asList(1, null, Map.of("k", "v")));
        assertThat(JsonValues.copyMap(null)).isEmpty();
        assertThat(JsonValues.copyList(null)).isEmpty();
        assertThat(JsonValues.copy("s")).isEqualTo("s");
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) copy.get("list");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> list.add(1))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
