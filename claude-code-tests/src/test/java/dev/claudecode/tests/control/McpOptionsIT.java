package dev.claudecode.tests.control;

import static dev.claudecode.tests.control.ControlFixtures.echoServerWithExtras;
import static dev.claudecode.tests.control.ControlFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpToolAnnotations;
import dev.claudecode.mcp.McpToolInfo;
import dev.claudecode.mcp.McpToolPolicy;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.SdkMcpTool;
import dev.claudecode.mcp.ToolResult;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP server timeouts, always-loaded tools and tool policies, and the annotations, search hints
 * and always-load of in-process tools, against the real CLI: each changes which tools the CLI
 * offers the model, how it runs them, or what it reports. CLI 2.1.332 defers MCP tools behind its
 * {@code ToolSearch} tool, which is what makes always-load and search hints visible; 2.1.197 loads
 * every tool, so those parts need 2.1.332.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class McpOptionsIT {

    private static final Map<String, Object> OBJECT = Map.of("type", "object");

    @TempDir
    Path cwd;

    private static void assumeNewerCli(String feature) {
        assumeTrue(CliVersionRange.compare(TestCli.version(), "2.1.332") >= 0, feature + " came after CLI " + TestCli.version());
    }

    @Test
    void annotationsOfInProcessToolsAreReportedBack(FakeClaudeApi api) {
        SdkMcpServer calc = SdkMcpServer.builder("calc")
                .tool(SdkMcpTool.of("add", "Add", OBJECT, args -> ToolResult.text("0"))
                        .withAnnotations(McpToolAnnotations.builder().readOnly(true).destructive(false).openWorld(true).build()))
                .tool("plain", "Plain", OBJECT, args -> ToolResult.text("0"))
                .build();

        api.enqueue(Reply.text("ok"));
        try (Session session = ClaudeCode.start(options(api, cwd).mcpServer("calc", McpServerConfig.sdk(calc)).build())) {
            session.query("hello"); // CLI 2.1.197 connects in-process servers for the first turn
            McpServerStatus status = ControlFixtures.awaitValue("calc lists its tools", () -> session.control().mcpStatus(),
                    servers -> !servers.isEmpty() && !servers.getFirst().tools().isEmpty()).getFirst();
            McpToolInfo add = status.tools().stream().filter(tool -> tool.name().equals("add")).findFirst().orElseThrow();
            McpToolInfo plain = status.tools().stream().filter(tool -> tool.name().equals("plain")).findFirst().orElseThrow();

            assertThat(add.readOnly()).contains(true);
            assertThat(add.openWorld()).contains(true);
            assertThat(plain.readOnly()).isEmpty();
        }
    }

    @Test
    void alwaysLoadedToolsAreOfferedAndSearchHintsAreSearched(FakeClaudeApi api) {
        assumeNewerCli("Tool search");
        SdkMcpServer calc = SdkMcpServer.builder("calc")
                .tool(SdkMcpTool.of("add", "Add two numbers", OBJECT, args -> ToolResult.text("0")).withAlwaysLoad(true))
                .tool(SdkMcpTool.of("mul", "Multiply two numbers", OBJECT, args -> ToolResult.text("0")).withSearchHint("arithmetic product"))
                .tool("div", "Divide two numbers", OBJECT, args -> ToolResult.text("0"))
                .build();
        api.enqueue(Reply.toolUse("ToolSearch", Map.of("query", "arithmetic")), Reply.text("found"));

        try (Session session = ClaudeCode.start(options(api, cwd).mcpServer("calc", McpServerConfig.sdk(calc))
                .mcpServer("echo", echoServerWithExtras("echo").withAlwaysLoad(true)).build())) {
            session.query("search");
        }

        List<RecordedRequest> main = api.log().main();
        assertThat(main.getFirst().toolNames()).contains("mcp__calc__add", "mcp__echo__echo", "mcp__echo__sleep")
                .doesNotContain("mcp__calc__mul", "mcp__calc__div");
        assertThat(main.getLast().toolResults()).singleElement().satisfies(result -> {
            assertThat(result.content().toString()).contains("mcp__calc__mul").doesNotContain("mcp__calc__div");
        });
    }

    @Test
    void anInProcessServersPolicyAndTimeoutAreApplied(FakeClaudeApi api) {
        assumeNewerCli("sdkMcpServerConfigs");
        SdkMcpServer calc = SdkMcpServer.builder("calc")
                .tool("add", "Add", OBJECT, args -> ToolResult.text("added"))
                .tool("slow", "Slow", OBJECT, args -> {
                    Thread.sleep(4000);
                    return ToolResult.text("late");
                })
                .alwaysLoad(true)
                .build();
        api.enqueue(Reply.toolUse("mcp__calc__add", Map.of()), Reply.toolUse("mcp__calc__slow", Map.of()), Reply.text("done"));

        try (Session session = ClaudeCode.start(options(api, cwd)
                .mcpServer("calc", McpServerConfig.sdk(calc).withTimeout(Duration.ofSeconds(1))
                        .withToolPolicies(List.of(McpToolPolicy.of("add", McpToolPolicy.Permission.ALWAYS_DENY))))
                .allowedTools("mcp__calc__add", "mcp__calc__slow")
                .build())) {
            session.query("use the tools");
        }

        List<RecordedRequest> main = api.log().main();
        assertThat(main.getFirst().toolNames()).contains("mcp__calc__slow").doesNotContain("mcp__calc__add");
        assertThat(main.getLast().toolResults()).hasSize(2).satisfiesExactly(
                denied -> assertThat(denied.text()).contains("No such tool available"),
                slow -> {
                    assertThat(slow.isError()).isTrue();
                    assertThat(slow.text()).doesNotContain("late").containsIgnoringCase("timed out");
                });
    }

    @Test
    void aStdioServersTimeoutEndsASlowCall(FakeClaudeApi api) {
        api.enqueue(Reply.toolUse("mcp__echo__sleep", Map.of("ms", 5000)), Reply.text("done"));

        try (Session session = ClaudeCode.start(options(api, cwd)
                .mcpServer("echo", echoServerWithExtras("echo").withTimeout(Duration.ofSeconds(1)))
                .allowedTools("mcp__echo__sleep")
                .build())) {
            session.query("sleep");
        }

        assertThat(api.log().main().getLast().toolResults()).singleElement().satisfies(result -> {
            assertThat(result.isError()).isTrue();
            assertThat(result.text()).doesNotContain("slept").containsIgnoringCase("timed out");
        });
    }

    @Test
    void aRemoteServersToolPoliciesApplyWhenItIsSetAtRuntime(FakeClaudeApi api) throws Exception {
        assumeNewerCli("Tool policies of remote servers");
        api.enqueue(Reply.toolUse("mcp__web__wipe", Map.of()), Reply.toolUse("mcp__web__peek", Map.of()), Reply.text("done"));

        try (HttpMcpServer web = new HttpMcpServer();
                Session session = ClaudeCode.start(options(api, cwd).build())) {
            session.control().setMcpServers(Map.of("web", McpServerConfig.http(web.url()).withAlwaysLoad(true)
                    .withToolPolicies(List.of(McpToolPolicy.of("wipe", McpToolPolicy.Permission.ALWAYS_DENY),
                            McpToolPolicy.of("peek", McpToolPolicy.Permission.ALWAYS_ALLOW)))));
            ControlFixtures.awaitValue("web is connected", () -> session.control().mcpStatus(),
                    servers -> servers.stream().anyMatch(McpServerStatus::isConnected));
            session.query("use the web tools");
        }

        List<RecordedRequest> main = api.log().main();
        assertThat(main.getFirst().toolNames()).contains("mcp__web__peek").doesNotContain("mcp__web__wipe");
        // peek runs with neither an allow rule nor a permission callback: its policy allows it
        assertThat(main.getLast().toolResults()).satisfiesExactly(
                wipe -> assertThat(wipe.text()).contains("No such tool available"),
                peek -> assertThat(peek.text()).isEqualTo("peek done"));
    }

    @Test
    void aRemoteServerGivenAtStartIsAlwaysLoadedButItsToolPoliciesWaitForARuntimeSet(FakeClaudeApi api) throws Exception {
        assumeNewerCli("Tool search");
        api.enqueue(Reply.toolUse("mcp__web__peek", Map.of()), Reply.text("done"));

        try (HttpMcpServer web = new HttpMcpServer();
                Session session = ClaudeCode.start(options(api, cwd)
                        .mcpServer("web", McpServerConfig.http(web.url()).withAlwaysLoad(true)
                                .withToolPolicies(List.of(McpToolPolicy.of("peek", McpToolPolicy.Permission.ALWAYS_ALLOW))))
                        .build())) {
            session.query("peek");
        }

        List<RecordedRequest> main = api.log().main();
        assertThat(main.getFirst().toolNames()).contains("mcp__web__peek", "mcp__web__wipe");
        // CLI 2.1.332 reads tool policies of --mcp-config servers but does not apply them: peek still asks
        assertThat(main.getLast().toolResults()).singleElement()
                .satisfies(peek -> assertThat(peek.text()).contains("haven't granted it yet"));
    }
}
