package dev.claudecode.elicitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Form fields read from elicitation schemas, and what people type read into their values. */
class ElicitationFieldTest {

    private static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("name", "color"),
            "properties", new java.util.LinkedHashMap<>(Map.of(
                    "name", Map.of("type", "string", "title", "Your name", "minLength", 2, "maxLength", 20),
                    "age", Map.of("type", "integer", "minimum", 0, "maximum", 150),
                    "height", Map.of("type", "number", "description", "in metres"),
                    "subscribe", Map.of("type", "boolean", "default", false),
                    "color", Map.of("type", "string", "enum", List.of("red", "green"), "enumNames", List.of("Red", "Green")),
                    "size", Map.of("type", "string", "oneOf", List.of(Map.of("const", "s", "title", "Small"), Map.of("const", "l", "title", "Large"))),
                    "tags", Map.of("type", "array", "minItems", 1, "items", Map.of("type", "string", "enum", List.of("a", "b", "c"))),
                    "when", Map.of("type", "string", "format", "date"),
                    "nested", Map.of("type", "object"))));

    private static ElicitationField field(String name) {
        return ElicitationRequest.form("s", "m", SCHEMA).fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void simpleTypesAreRecognised() {
        assertThat(field("name").type()).isEqualTo(ElicitationField.Type.STRING);
        assertThat(field("name").label()).isEqualTo("Your name");
        assertThat(field("name").required()).isTrue();
        assertThat(field("age").type()).isEqualTo(ElicitationField.Type.INTEGER);
        assertThat(field("age").hint()).isEqualTo("a whole number from 0 to 150");
        assertThat(field("height").type()).isEqualTo(ElicitationField.Type.NUMBER);
        assertThat(field("height").description()).contains("in metres");
        assertThat(field("subscribe").type()).isEqualTo(ElicitationField.Type.BOOLEAN);
        assertThat(field("color").type()).isEqualTo(ElicitationField.Type.CHOICE);
        assertThat(field("color").choiceLabels()).containsExactly("Red", "Green");
        assertThat(field("size").type()).isEqualTo(ElicitationField.Type.CHOICE);
        assertThat(field("size").choices()).containsExactly("s", "l");
        assertThat(field("size").hint()).isEqualTo("one of: Small, Large");
        assertThat(field("tags").type()).isEqualTo(ElicitationField.Type.CHOICES);
        assertThat(field("when").format()).contains("date");
        assertThat(field("nested").type()).isEqualTo(ElicitationField.Type.OTHER);
    }

    @Test
    void typedTextBecomesJsonValues() {
        assertThat(field("name").parse(" Ada ")).contains("Ada");
        assertThat(field("age").parse("36")).contains(36L);
        assertThat(field("height").parse("1.75")).contains(new BigDecimal("1.75"));
        assertThat(field("subscribe").parse("yes")).contains(true);
        assertThat(field("color").parse("GREEN")).contains("green");
        assertThat(field("color").parse("1")).contains("red");
        assertThat(field("size").parse("Large")).contains("l");
        assertThat(field("tags").parse("a, c, a")).contains(List.of("a", "c"));
    }

    @Test
    void blankTextTakesTheDefaultOrLeavesAnOptionalFieldOut() {
        assertThat(field("subscribe").parse("")).contains(false);
        assertThat(field("age").parse("  ")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> field("name").parse("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required");
    }

    @Test
    void textThatDoesNotFitIsRefusedWithAReason() {
        assertThatThrownBy(() -> field("age").parse("200")).hasMessageContaining("from 0 to 150");
        assertThatThrownBy(() -> field("age").parse("3.5")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> field("height").parse("tall")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> field("subscribe").parse("maybe")).hasMessageContaining("yes or no");
        assertThatThrownBy(() -> field("color").parse("blue")).hasMessageContaining("one of: Red, Green");
        assertThatThrownBy(() -> field("name").parse("A")).hasMessageContaining("2 to 20 characters");
        assertThatThrownBy(() -> field("tags").parse("d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWholeFormIsReadIntoTheValuesOfAnAccept() {
        ElicitationRequest request = ElicitationRequest.form("s", "m", SCHEMA);
        Map<String, Object> values = request.parseForm(Map.of("name", "Ada", "color", "red", "tags", "b", "age", ""));
        assertThat(values).containsOnly(Map.entry("name", "Ada"), Map.entry("color", "red"), Map.entry("subscribe", false),
                Map.entry("tags", List.of("b")));
        assertThatThrownBy(() -> request.parseForm(Map.of("name", "Ada"))).hasMessageStartingWith("color: a value is required");
    }

    @Test
    void theCliOrderOfPropertiesWins() {
        ElicitationRequest request = new ElicitationRequest("s", "m", ElicitationMode.FORM, Optional.empty(), Optional.empty(),
                SCHEMA, List.of("tags", "name"), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        assertThat(request.fields()).extracting(ElicitationField::name).startsWith("tags", "name").hasSize(9);
    }
}
