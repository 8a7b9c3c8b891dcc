package dev.claudecode.tests.control;

import static dev.claudecode.tests.control.ControlFixtures.awaitValue;
import static dev.claudecode.tests.control.ControlFixtures.echoServer;
import static dev.claudecode.tests.control.ControlFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.errors.ControlException;
import dev.claudecode.Session;
import dev.claudecode.mcp.McpConnectionStatus;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpSetServersResult;
import dev.claudecode.mcp.McpToolInfo;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** MCP status, reconnect, toggle and dynamic servers against the real CLI and a real stdio MCP server. */
@ExtendWith(FakeClaudeApiExtension.class)
class McpControlIT {

    @TempDir
    Path cwd;

    private static Optional<McpServerStatus> server(Session session, String name) {
        return session.control().mcpStatus().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static McpServerStatus awaitConnected(Session session, String name) {
        return awaitValue(name + " is connected", () -> server(session, name),
                s -> s.isPresent() && s.get().isConnected() && !s.get().tools().isEmpty()).orElseThrow();
    }

    @Test
    void statusToggleAndReconnectOfAStdioServer(FakeClaudeApi api) {
        try (Session session = ClaudeCode.start(options(api, cwd).mcpServer("echo", echoServer("echo-server")).build())) {
            McpServerStatus echo = awaitConnected(session, "echo");

            assertThat(echo.serverInfo()).contains(new McpServerStatus.Implementation("echo-server", "1.2.3"));
            assertThat(echo.tools()).extracting(McpToolInfo::name).containsExactly("echo");
            assertThat(echo.tools().getFirst().readOnly()).contains(true);
            assertThat(echo.config().orElseThrow()).containsEntry("type", "stdio");
            assertThat(echo.scope()).isPresent();
            assertThat(echo.error()).isEmpty();

            session.control().mcpToggle("echo", false);
            McpServerStatus off = server(session, "echo").orElseThrow();
            assertThat(off.status()).isEqualTo(McpConnectionStatus.DISABLED);
            assertThat(off.tools()).isEmpty();

            session.control().mcpToggle("echo", true);
            awaitConnected(session, "echo");

            session.control().mcpReconnect("echo");
            awaitConnected(session, "echo");

            assertThatThrownBy(() -> session.control().mcpReconnect("nope"))
                    .isInstanceOf(ControlException.class).hasMessageContaining("Server not found: nope");
            assertThatThrownBy(() -> session.control().mcpToggle("nope", false))
                    .isInstanceOf(ControlException.class).hasMessageContaining("Server not found: nope");
        }
    }

    @Test
    void setMcpServersAddsConnectsReportsFailuresAndRemoves(FakeClaudeApi api) {
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            assertThat(session.control().mcpStatus()).isEmpty();
            Map<String, McpServerConfig> servers = new LinkedHashMap<>();
            servers.put("dynamic", echoServer("dynamic-echo"));
            servers.put("broken", McpServerConfig.stdio("probe-nonexistent-mcp-server"));

            McpSetServersResult added = session.control().setMcpServers(servers);

            assertThat(added.added()).containsExactlyInAnyOrder("dynamic", "broken");
            assertThat(added.removed()).isEmpty();
            assertThat(added.errors()).containsOnlyKeys("broken");
            assertThat(added.errors().get("broken")).contains(missingExecutable());
            assertThat(awaitConnected(session, "dynamic").scope()).contains("dynamic");
            McpServerStatus broken = server(session, "broken").orElseThrow();
            assertThat(broken.status()).isEqualTo(McpConnectionStatus.FAILED);
            assertThat(broken.error().orElseThrow()).contains(missingExecutable());
            assertThat(broken.config().orElseThrow()).containsEntry("command", "probe-nonexistent-mcp-server");

            McpSetServersResult removed = session.control().setMcpServers(Map.of());

            assertThat(removed.added()).isEmpty();
            assertThat(removed.removed()).containsExactlyInAnyOrder("dynamic", "broken");
            assertThat(session.control().mcpStatus()).extracting(McpServerStatus::name).doesNotContain("dynamic", "broken");
        }
    }

    /**
     * How the CLI reports the stdio server whose command is not on the PATH: 2.1.197 names the
     * command; 2.1.332 names the transport ("stdio") in the same sentence.
     */
    private static String missingExecutable() {
        return dev.claudecode.cli.CliVersionRange.compare(dev.claudecode.testkit.TestCli.version(), "2.1.332") >= 0
                ? "Executable not found in $PATH" : "Executable not found in $PATH: \"probe-nonexistent-mcp-server\"";
    }
}
