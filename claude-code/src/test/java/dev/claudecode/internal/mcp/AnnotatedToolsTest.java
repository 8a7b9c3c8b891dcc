package dev.claudecode.internal.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.mcp.McpContent;
import dev.claudecode.mcp.McpParam;
import dev.claudecode.mcp.McpTool;
import dev.claudecode.mcp.SdkMcpTool;
import dev.claudecode.mcp.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnnotatedToolsTest {

    enum Mode { FAST, SLOW }

    record Pair(int left, int right) {
    }

    static class Base {
        @McpTool(description = "base version")
        String greet(@McpParam(name = "name") String name) {
            return "hello " + name;
        }
    }

    static class Calculator extends Base {

        int calls;

        @McpTool(description = "Add two numbers")
        double add(@McpParam(name = "a") double a, @McpParam(name = "b") double b) {
            calls++;
            return a + b;
        }

        @Override
        @McpTool(description = "overridden")
        String greet(@McpParam(name = "name") String name) {
            return "hi " + name;
        }

        @McpTool(name = "swap", description = "Swap a pair")
        Pair swapPair(@McpParam(name = "pair") Pair pair) {
            return new Pair(pair.right(), pair.left());
        }

        @McpTool(description = "Modes")
        List<Mode> modes() {
            return List.of(Mode.values());
        }

        @McpTool(description = "Nothing")
        void reset() {
            calls = 0;
        }

        @McpTool(description = "Fails")
        String fail(@McpParam(name = "why") Optional<String> why) throws Exception {
            throw new java.io.IOException(why.orElse("no reason"));
        }

        @McpTool(description = "Content")
        McpContent content() {
            return McpContent.text("raw");
        }

        String notATool() {
            return "";
        }
    }

    private static SdkMcpTool tool(List<SdkMcpTool> tools, String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void annotatedMethodsBecomeToolsWithSchemasAndDescriptions() {
        List<SdkMcpTool> tools = AnnotatedTools.of(new Calculator());
        assertThat(tools).extracting(SdkMcpTool::name)
                .containsExactlyInAnyOrder("add", "greet", "swap", "modes", "reset", "fail", "content");
        SdkMcpTool add = tool(tools, "add");
        assertThat(add.description()).contains("Add two numbers");
        assertThat(add.inputSchema()).isEqualTo(Map.of("type", "object",
                "properties", Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")),
                "required", List.of("a", "b")));
        assertThat(tool(tools, "greet").description()).contains("overridden");
        assertThat(tool(tools, "reset").inputSchema()).isEqualTo(Map.of("type", "object", "properties", Map.of()));
    }

    @Test
    void returnValuesBecomeResults() throws Exception {
        Calculator calculator = new Calculator();
        List<SdkMcpTool> tools = AnnotatedTools.of(calculator);
        assertThat(tool(tools, "add").handler().call(Map.of("a", 2, "b", 3.5))).isEqualTo(ToolResult.text("5.5"));
        assertThat(calculator.calls).isEqualTo(1);
        assertThat(tool(tools, "greet").handler().call(Map.of("name", "Ada"))).isEqualTo(ToolResult.text("hi Ada"));
        ToolResult swapped = tool(tools, "swap").handler().call(Map.of("pair", Map.of("left", 1, "right", 2)));
        assertThat(swapped.structuredContent()).contains(Map.of("left", 2, "right", 1));
        assertThat(tool(tools, "modes").handler().call(Map.of())).isEqualTo(ToolResult.text("[\"FAST\",\"SLOW\"]"));
        ToolResult nothing = tool(tools, "reset").handler().call(Map.of());
        assertThat(nothing.content()).isEmpty();
        assertThat(calculator.calls).isZero();
        assertThat(tool(tools, "content").handler().call(Map.of())).isEqualTo(ToolResult.of(McpContent.text("raw")));
    }

    @Test
    void theMethodsExceptionIsThrownUnwrapped() {
        SdkMcpTool fail = tool(AnnotatedTools.of(new Calculator()), "fail");
        assertThatThrownBy(() -> fail.handler().call(Map.of("why", "disk full")))
                .isInstanceOf(java.io.IOException.class).hasMessage("disk full");
        assertThatThrownBy(() -> fail.handler().call(Map.of())).hasMessage("no reason");
    }

    @Test
    void anObjectWithoutToolsIsRefused() {
        assertThatThrownBy(() -> AnnotatedTools.of(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@McpTool");
    }

    @Test
    void resultsOfPlainValues() {
        assertThat(AnnotatedTools.result("x")).isEqualTo(ToolResult.text("x"));
        assertThat(AnnotatedTools.result(true)).isEqualTo(ToolResult.text("true"));
        assertThat(AnnotatedTools.result(Mode.FAST)).isEqualTo(ToolResult.text("FAST"));
        assertThat(AnnotatedTools.result(Map.of("k", 1)).structuredContent()).contains(Map.of("k", 1));
        assertThat(AnnotatedTools.result(List.of(1, 2))).isEqualTo(ToolResult.text("[1,2]"));
    }
}
