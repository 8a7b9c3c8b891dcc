package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.internal.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FieldsTest {

    @Test
    void objectsReadsTheObjectElementsOfAnArrayInOrder() {
        JsonNode node = Json.parse("{\"items\":[{\"n\":\"a\"},1,\"x\",null,[],{\"n\":\"b\"},{}]}");

        List<String> names = Fields.objects(node, "items", item -> Fields.string(item, "n"));

        assertThat(names).containsExactly("a", "b", "");
        assertThatThrownBy(() -> names.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void objectsOfAnAbsentOrNonArrayFieldAreNone() {
        JsonNode node = Json.parse("{\"items\":{\"n\":\"a\"},\"text\":\"t\"}");

        assertThat(Fields.objects(node, "items", item -> item)).isEmpty();
        assertThat(Fields.objects(node, "text", item -> item)).isEmpty();
        assertThat(Fields.objects(node, "missing", item -> item)).isEmpty();
        assertThat(Fields.objects(null, "items", item -> item)).isEmpty();
    }
}
