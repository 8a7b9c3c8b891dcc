package dev.claudecode.tests.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.Session;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookInput;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.McpParam;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpSetServersResult;
import dev.claudecode.mcp.McpTool;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.message.PermissionDenial;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.permission.ToolPermissionRequest;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import dev.claudecode.testkit.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java callbacks in sessions with the real CLI: permission decisions, hooks and in-process MCP
 * tools, checked on what the CLI then sent to the model ({@link FakeClaudeApi}'s log).
 */
@ExtendWith(FakeClaudeApiExtension.class)
class CallbacksIT {

    @TempDir
    Path cwd;

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment());
    }

    /** @return the result the CLI sent back for the model's latest tool use, from the request after it */
    private static ToolResult lastToolResult(FakeClaudeApi api, int mainRequest) {
        return api.log().main().get(mainRequest).toolResults().getLast();
    }

    static final class Calculator {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @McpTool(description = "Add two numbers")
        long add(@McpParam(name = "a") long a, @McpParam(name = "b") long b) {
            calls.add(a + "+" + b);
            return a + b;
        }
    }

    @Test
    void aToolAllowedWithChangedInputRunsTheChangedInput(FakeClaudeApi api) throws Exception {
        List<ToolPermissionRequest> prompts = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.toolUse("Bash", Map.of("command", "touch original.txt && echo original", "description", "Create")),
                Reply.text("Created."));
        try (Session session = ClaudeCode.start(options(api).canUseTool(request -> {
            prompts.add(request);
            return PermissionResult.allow(Map.of("command", "touch changed.txt && echo changed-by-java", "description", "Create"));
        }).build())) {
            ResultMessage result = session.query("create a file");
            assertThat(result.isError()).isFalse();
            ToolPermissionRequest prompt = prompts.getFirst();
            assertThat(prompt.toolName()).isEqualTo("Bash");
            assertThat(prompt.inputString("command")).contains("touch original.txt && echo original");
            assertThat(prompt.sessionId()).isEqualTo(session.sessionId());
            assertThat(prompt.cwd()).contains(cwd.toString());
            assertThat(prompt.permissionSuggestions()).isNotEmpty();
        }
        assertThat(lastToolResult(api, 1).text()).isEqualTo("changed-by-java");
        assertThat(Files.exists(cwd.resolve("changed.txt"))).isTrue();
        assertThat(Files.exists(cwd.resolve("original.txt"))).isFalse();
    }

    @Test
    void aDenialReachesTheModelWithItsMessage(FakeClaudeApi api) {
        api.enqueue(Reply.toolUse("Bash", Map.of("command", "rm -rf build", "description", "Delete build")),
                Reply.text("I will not delete it."));
        ResultMessage result = ClaudeCode.query("clean up", options(api)
                .canUseTool(request -> PermissionResult.deny("Denied by Java policy: no rm")).build());
        assertThat(result.result()).contains("I will not delete it.");
        assertThat(result.permissionDenials()).extracting(PermissionDenial::toolName).containsExactly("Bash");
        ToolResult denied = lastToolResult(api, 1);
        assertThat(denied.isError()).isTrue();
        assertThat(denied.text()).isEqualTo("Denied by Java policy: no rm");
    }

    @Test
    void aPreToolUseHookBlocksBashBeforeAnyPrompt(FakeClaudeApi api) {
        List<ToolPermissionRequest> prompts = new CopyOnWriteArrayList<>();
        List<String> commands = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.toolUse("Bash", Map.of("command", "touch never.txt", "description", "Create")), Reply.text("Blocked."));
        ClaudeCode.query("create a file", options(api)
                .canUseTool(request -> {
                    prompts.add(request);
                    return PermissionResult.allow();
                })
                .hook(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash", (input, toolUseId, context) -> {
                    HookInput.PreToolUse pre = (HookInput.PreToolUse) input;
                    commands.add(String.valueOf(pre.toolInput().get("command")));
                    assertThat(toolUseId).contains(pre.toolUseId());
                    return HookOutput.denyTool("Blocked by a Java hook");
                }))
                .build());
        assertThat(commands).containsExactly("touch never.txt");
        assertThat(prompts).isEmpty();
        ToolResult blocked = lastToolResult(api, 1);
        assertThat(blocked.isError()).isTrue();
        assertThat(blocked.text()).isEqualTo(denialAsTheModelSeesIt("Bash", "Blocked by a Java hook"));
        assertThat(Files.exists(cwd.resolve("never.txt"))).isFalse();
    }

    @Test
    void aStopHookSendsTheModelBackToWork(FakeClaudeApi api) {
        List<Boolean> active = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.text("Hello."), Reply.text("Goodbye."));
        ResultMessage result = ClaudeCode.query("hello", options(api)
                .hook(HookEvent.STOP, HookMatcher.all((input, toolUseId, context) -> {
                    HookInput.Stop stop = (HookInput.Stop) input;
                    active.add(stop.stopHookActive());
                    return stop.stopHookActive() ? HookOutput.empty() : HookOutput.block("Please also say goodbye.");
                }))
                .build());
        assertThat(active).containsExactly(false, true);
        assertThat(result.result()).contains("Goodbye.");
        List<RecordedRequest> main = api.log().main();
        assertThat(main).hasSize(2);
        assertThat(Json.write(main.get(1).messages())).contains("Please also say goodbye.");
    }

    @Test
    void anInProcessToolIsCalledAndItsResultReachesTheModel(FakeClaudeApi api) {
        Calculator calculator = new Calculator();
        api.enqueue(Reply.toolUse("mcp__calc__add", Map.of("a", 2, "b", 3)), Reply.text("2 + 3 = 5"));
        ResultMessage result = ClaudeCode.query("add 2 and 3", options(api)
                .mcpServer("calc", McpServerConfig.sdk(SdkMcpServer.builder("calc").toolsFrom(calculator).build()))
                .allowedTools("mcp__calc__add")
                .build());
        assertThat(result.result()).contains("2 + 3 = 5");
        assertThat(calculator.calls).containsExactly("2+3");
        assertThat(offeredTools(api.log().main().getFirst())).contains("mcp__calc__add");
        ToolResult sum = lastToolResult(api, 1);
        assertThat(sum.isError()).isFalse();
        assertThat(sum.text()).isEqualTo("5");
    }

    @Test
    void aThrowingCallbackDeniesAndTheSessionGoesOn(FakeClaudeApi api) {
        api.enqueue(Reply.toolUse("Bash", Map.of("command", "touch x.txt", "description", "Create")), Reply.text("Failed."),
                Reply.text("Still here."));
        try (Session session = ClaudeCode.start(options(api).canUseTool(request -> {
            throw new IllegalStateException("policy store unreachable");
        }).build())) {
            assertThat(session.query("create a file").result()).contains("Failed.");
            assertThat(session.query("are you there?").result()).contains("Still here.");
        }
        ToolResult failed = api.log().main().get(1).toolResults().getLast();
        assertThat(failed.isError()).isTrue();
        assertThat(failed.text()).contains("policy store unreachable");
        assertThat(Files.exists(cwd.resolve("x.txt"))).isFalse();
    }

    @Test
    void aHangingCallbackIsDeniedAtItsTimeoutAndInterrupted(FakeClaudeApi api) throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        api.enqueue(Reply.toolUse("Bash", Map.of("command", "touch x.txt", "description", "Create")), Reply.text("Timed out."));
        ResultMessage result = ClaudeCode.query("create a file", options(api)
                .permissionCallbackTimeout(Duration.ofSeconds(1))
                .canUseTool(request -> {
                    try {
                        Thread.sleep(120_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return PermissionResult.allow();
                })
                .build());
        assertThat(result.result()).contains("Timed out.");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        ToolResult denied = lastToolResult(api, 1);
        assertThat(denied.isError()).isTrue();
        assertThat(denied.text()).contains("did not answer");
    }

    @Test
    void inProcessAndStdioServersServeOneSession(FakeClaudeApi api) throws Exception {
        Calculator calculator = new Calculator();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        api.enqueue(Reply.toolUse("mcp__calc__add", Map.of("a", 20, "b", 22)),
                Reply.toolUse("mcp__echo__echo", Map.of("text", "hi")),
                Reply.text("Both worked."));
        try (Session session = ClaudeCode.start(options(api)
                .mcpServer("calc", McpServerConfig.sdk(SdkMcpServer.builder("calc").toolsFrom(calculator).build()))
                .mcpServer("echo", McpServerConfig.stdio(java, "-cp", System.getProperty("java.class.path"),
                        StdioEchoServer.class.getName()))
                .allowedTools("mcp__calc__add", "mcp__echo__echo")
                .build())) {
            // the CLI does not wait for a stdio server before a turn, and a JVM-based one needs a
            // moment; the in-process server is connected when the first turn starts
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!echoConnected(session) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(echoConnected(session)).isTrue();
            assertThat(session.query("use both servers").result()).contains("Both worked.");
        }
        assertThat(offeredTools(api.log().main().getFirst())).contains("mcp__calc__add", "mcp__echo__echo");
        assertThat(lastToolResult(api, 1).text()).isEqualTo("42");
        assertThat(lastToolResult(api, 2).text()).isEqualTo("echo: hi");
    }

    private static boolean echoConnected(Session session) {
        return session.control().mcpStatus().stream().anyMatch(server -> server.name().equals("echo") && server.isConnected());
    }

    @Test
    void anInProcessServerCanBeAddedWhileTheSessionRuns(FakeClaudeApi api) {
        Calculator calculator = new Calculator();
        api.enqueue(Reply.text("ready"), Reply.toolUse("mcp__late__add", Map.of("a", 1, "b", 1)), Reply.text("1 + 1 = 2"));
        try (Session session = ClaudeCode.start(options(api).allowedTools("mcp__late__add").build())) {
            session.query("hello");
            McpSetServersResult added = session.control().setMcpServers(Map.of("late",
                    McpServerConfig.sdk(SdkMcpServer.builder("calculator").toolsFrom(calculator).build())));
            assertThat(added.added()).containsExactly("late");
            assertThat(session.query("add 1 and 1").result()).contains("1 + 1 = 2");
        }
        assertThat(calculator.calls).containsExactly("1+1");
        assertThat(lastToolResult(api, 2).text()).isEqualTo("2");
    }

    /**
     * The tools a request offers the model: its tool list and, from 2.1.332 on, the deferred ones
     * (MCP tools among them) that it names for loading through ToolSearch instead of listing them.
     */
    static List<String> offeredTools(RecordedRequest request) {
        List<String> offered = new java.util.ArrayList<>(request.toolNames());
        if (request.toolNames().contains("ToolSearch")) {
            String text = request.systemText() + Json.write(request.messages());
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("mcp__[A-Za-z0-9_-]+").matcher(text);
            while (names.find()) {
                offered.add(names.group());
            }
        }
        return offered;
    }

    /** A PreToolUse deny reason as the model gets it: 2.1.332 prefixes it with the event and tool. */
    static String denialAsTheModelSeesIt(String tool, String reason) {
        return CliVersionRange.compare(TestCli.version(), "2.1.332") >= 0 ? "PreToolUse:" + tool + " hook error: " + reason : reason;
    }
}
