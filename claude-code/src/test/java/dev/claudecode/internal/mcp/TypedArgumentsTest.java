package dev.claudecode.internal.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.mcp.McpParam;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypedArgumentsTest {

    enum Unit { CELSIUS, FAHRENHEIT }

    record Point(@McpParam(name = "px") int x, int y) {
    }

    record Request(@McpParam(name = "label") String name, List<Point> points, Optional<Unit> unit, OptionalInt limit,
            Set<String> tags, Map<String, Point> named, Point[] extra, @McpParam(required = false) String note) {

        Request {
            if (name.isBlank()) {
                throw new IllegalArgumentException("label must not be blank");
            }
        }
    }

    @Test
    void recordsAreBuiltUnderTheSchemaNamesAtEveryDepth() {
        Request request = TypedArguments.convert(Map.of(
                "label", "shape",
                "points", List.of(Map.of("px", 1, "y", 2), Map.of("px", 3, "y", 4)),
                "unit", "CELSIUS",
                "limit", 5,
                "tags", List.of("a", "b", "a"),
                "named", Map.of("origin", Map.of("px", 0, "y", 0)),
                "extra", List.of(Map.of("px", 9, "y", 9))), Request.class);
        assertThat(request.name()).isEqualTo("shape");
        assertThat(request.points()).containsExactly(new Point(1, 2), new Point(3, 4));
        assertThat(request.unit()).contains(Unit.CELSIUS);
        assertThat(request.limit()).hasValue(5);
        assertThat(request.tags()).containsExactly("a", "b");
        assertThat(request.named()).containsEntry("origin", new Point(0, 0));
        assertThat(request.extra()).containsExactly(new Point(9, 9));
        assertThat(request.note()).isNull();
    }

    @Test
    void absentOptionalsAreEmpty() {
        Request request = TypedArguments.convert(Map.of("label", "x", "points", List.of(), "tags", List.of(),
                "named", Map.of(), "extra", List.of(), "note", "n"), Request.class);
        assertThat(request.unit()).isEmpty();
        assertThat(request.limit()).isEmpty();
    }

    @Test
    void missingAndMistypedArgumentsFailWithTheirPath() {
        assertThatThrownBy(() -> TypedArguments.convert(Map.of("points", List.of()), Request.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'label'");
        assertThatThrownBy(() -> TypedArguments.convert(Map.of("label", "x", "points", List.of(Map.of("px", "one", "y", 2)),
                "tags", List.of(), "named", Map.of(), "extra", List.of()), Request.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points[0].px");
        assertThatThrownBy(() -> TypedArguments.convert(Map.of("label", "x", "points", List.of(Map.of("y", 2)),
                "tags", List.of(), "named", Map.of(), "extra", List.of()), Request.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points[0].px");
    }

    @Test
    void aRecordThatRejectsItsValuesFailsWithItsMessage() {
        assertThatThrownBy(() -> TypedArguments.convert(Map.of("label", " ", "points", List.of(), "tags", List.of(),
                "named", Map.of(), "extra", List.of()), Request.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label must not be blank");
    }

    @Test
    void parametersAreConvertedInOrder() {
        List<ToolSchemas.Property> properties = List.of(
                new ToolSchemas.Property("a", double.class, Optional.empty(), true),
                new ToolSchemas.Property("b", Optional.class, Optional.empty(), false));
        Object[] values = TypedArguments.forParameters(Map.of("a", 2), properties);
        assertThat(values).containsExactly(2.0, Optional.empty());
        assertThatThrownBy(() -> TypedArguments.forParameters(Map.of(), properties))
                .hasMessageContaining("missing argument 'a'");
    }
}
