package dev.claudecode.tests.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.Session;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.mcp.McpParam;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpTool;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import dev.claudecode.testkit.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The README's callbacks example, run as written against the real CLI. */
@ExtendWith(FakeClaudeApiExtension.class)
class ReadmeCallbacksIT {

    static class Weather {
        @McpTool(description = "Current temperature of a city in degrees Celsius")
        double temperature(@McpParam(name = "city", description = "the city") String city) {
            return city.equals("Oslo") ? 4.5 : 20.0;
        }
    }

    @TempDir
    Path cwd;

    @Test
    void aJavaToolAndAPermissionPolicy(FakeClaudeApi api) {
        api.enqueue(
                Reply.toolUse("mcp__weather__temperature", Map.of("city", "Oslo")),
                Reply.toolUse("Bash", Map.of("command", "curl wttr.in/Oslo", "description", "Ask the web")),
                Reply.toolUse("Write", Map.of("file_path", cwd.resolve("notes.txt").toString(), "content", "4.5")),
                Reply.text("It is 4.5 degrees in Oslo."));

        // --- as in the README, plus where the CLI runs and which API it talks to
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment())
                .mcpServer("weather", McpServerConfig.sdk(SdkMcpServer.builder("weather").toolsFrom(new Weather()).build()))
                .canUseTool(request -> request.toolName().startsWith("mcp__weather__")
                        ? PermissionResult.allow()
                        : PermissionResult.deny("Only the weather tools are allowed."))
                .hook(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash",
                        (input, toolUseId, context) -> HookOutput.denyTool("No shell in this app.")))
                .build();

        String answer;
        try (Session session = ClaudeCode.start(options)) {
            answer = session.query("How warm is it in Oslo?").result().orElse("");
        }
        // ---

        assertThat(answer).isEqualTo("It is 4.5 degrees in Oslo.");
        List<ToolResult> results = api.log().main().getLast().toolResults();
        assertThat(results).extracting(ToolResult::text)
                .containsExactly("4.5", CallbacksIT.denialAsTheModelSeesIt("Bash", "No shell in this app."), "Only the weather tools are allowed.");
        assertThat(results).extracting(ToolResult::isError).containsExactly(false, true, true);
        assertThat(Files.exists(cwd.resolve("notes.txt"))).isFalse();
    }
}
