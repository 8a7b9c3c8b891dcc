package dev.claudecode.internal.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.McpParam;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ToolSchemasTest {

    enum Unit { CELSIUS, FAHRENHEIT }

    record Point(@McpParam(description = "horizontal") double x, double y) {
    }

    record Shape(@McpParam(name = "label", description = "what it is") String name, List<Point> points,
            Optional<String> color, @McpParam(required = false) Integer weight, Unit unit) {
    }

    record Tree(String value, List<Tree> children) {
    }

    static class Bean {
    }

    @SuppressWarnings("unused")
    static class Holder {
        List<String> strings;
        Set<Integer> integers;
        Map<String, Double> doubles;
        Map<String, Object> anything;
        Map<Integer, String> intKeys;
        int[] ints;
        byte[] bytes;
        Optional<List<Point>> maybePoints;
        List<? extends Number> wildcard;
    }

    private static JsonNode schema(Type type) {
        return Json.toNode(ToolSchemas.schema(type));
    }

    private static Type field(String name) throws NoSuchFieldException {
        return Holder.class.getDeclaredField(name).getGenericType();
    }

    @Test
    void scalarsMapToJsonSchemaTypes() {
        assertThat(ToolSchemas.schema(String.class)).isEqualTo(Map.of("type", "string"));
        assertThat(ToolSchemas.schema(char.class)).isEqualTo(Map.of("type", "string"));
        assertThat(ToolSchemas.schema(int.class)).isEqualTo(Map.of("type", "integer"));
        assertThat(ToolSchemas.schema(Long.class)).isEqualTo(Map.of("type", "integer"));
        assertThat(ToolSchemas.schema(OptionalInt.class)).isEqualTo(Map.of("type", "integer"));
        assertThat(ToolSchemas.schema(double.class)).isEqualTo(Map.of("type", "number"));
        assertThat(ToolSchemas.schema(BigDecimal.class)).isEqualTo(Map.of("type", "number"));
        assertThat(ToolSchemas.schema(boolean.class)).isEqualTo(Map.of("type", "boolean"));
        assertThat(ToolSchemas.schema(Object.class)).isEqualTo(Map.of());
        assertThat(ToolSchemas.schema(Unit.class)).isEqualTo(Map.of("type", "string", "enum", List.of("CELSIUS", "FAHRENHEIT")));
        assertThat(ToolSchemas.schema(UUID.class)).isEqualTo(Map.of("type", "string", "format", "uuid"));
        assertThat(ToolSchemas.schema(URI.class)).isEqualTo(Map.of("type", "string", "format", "uri"));
        assertThat(ToolSchemas.schema(LocalDate.class)).isEqualTo(Map.of("type", "string", "format", "date"));
        assertThat(ToolSchemas.schema(Instant.class)).isEqualTo(Map.of("type", "string", "format", "date-time"));
        assertThat(ToolSchemas.schema(Path.class)).isEqualTo(Map.of("type", "string"));
    }

    @Test
    void containersMapToArraysAndObjects() throws Exception {
        assertThat(schema(field("strings"))).isEqualTo(Json.parse("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"));
        assertThat(schema(field("integers"))).isEqualTo(
                Json.parse("{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"uniqueItems\":true}"));
        assertThat(schema(field("doubles"))).isEqualTo(
                Json.parse("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\"}}"));
        assertThat(schema(field("anything"))).isEqualTo(Json.parse("{\"type\":\"object\"}"));
        assertThat(schema(field("ints"))).isEqualTo(Json.parse("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}"));
        assertThat(schema(field("bytes"))).isEqualTo(Json.parse("{\"type\":\"string\",\"contentEncoding\":\"base64\"}"));
        assertThat(schema(field("maybePoints")).path("items").path("properties").has("x")).isTrue();
        assertThat(schema(field("wildcard"))).isEqualTo(Json.parse("{\"type\":\"array\",\"items\":{\"type\":\"number\"}}"));
    }

    @Test
    void recordsAreObjectsWithNamesDescriptionsAndRequiredComponents() {
        JsonNode shape = Json.toNode(ToolSchemas.forRecord(Shape.class));
        assertThat(shape).isEqualTo(Json.parse("""
                {"type":"object","properties":{
                  "label":{"type":"string","description":"what it is"},
                  "points":{"type":"array","items":{"type":"object","properties":{
                      "x":{"type":"number","description":"horizontal"},"y":{"type":"number"}},"required":["x","y"]}},
                  "color":{"type":"string"},
                  "weight":{"type":"integer"},
                  "unit":{"type":"string","enum":["CELSIUS","FAHRENHEIT"]}},
                 "required":["label","points","unit"]}
                """));
    }

    @Test
    void aRecursiveRecordStopsAtAPlainObject() {
        JsonNode tree = Json.toNode(ToolSchemas.forRecord(Tree.class));
        assertThat(tree.path("properties").path("children").path("items")).isEqualTo(Json.parse("{\"type\":\"object\"}"));
    }

    @Test
    void typesWithoutASchemaAreRefusedByName() throws Exception {
        assertThatThrownBy(() -> ToolSchemas.schema(Bean.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bean");
        assertThatThrownBy(() -> ToolSchemas.schema(field("intKeys"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("String keys");
    }

    static class Tools {
        @SuppressWarnings("unused")
        void named(@McpParam(name = "city") String city, @McpParam(name = "days", required = false) Integer days,
                @McpParam(name = "hourly", required = false) boolean hourly) {
        }

        @SuppressWarnings("unused")
        void unnamed(String city) {
        }
    }

    @Test
    void methodParametersAreNamedByTheAnnotationAndPrimitivesAreAlwaysRequired() throws Exception {
        Method named = Tools.class.getDeclaredMethod("named", String.class, Integer.class, boolean.class);
        List<ToolSchemas.Property> properties = ToolSchemas.properties(named);
        assertThat(properties).extracting(ToolSchemas.Property::name).containsExactly("city", "days", "hourly");
        assertThat(properties).extracting(ToolSchemas.Property::required).containsExactly(true, false, true);
    }

    @Test
    void aParameterWithoutANameIsRefusedWithAHint() throws Exception {
        Method unnamed = Tools.class.getDeclaredMethod("unnamed", String.class);
        // the test sources are compiled without -parameters, so the name is not in the class file
        assertThat(unnamed.getParameters()[0].isNamePresent()).isFalse();
        assertThatThrownBy(() -> ToolSchemas.properties(unnamed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@McpParam").hasMessageContaining("-parameters");
    }
}
