package dev.claudecode.tests.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCodeOptions;
import dev.claudecode.CliProcessException;
import dev.claudecode.ProtocolException;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookInput;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.internal.callback.CallbackConfig;
import dev.claudecode.internal.callback.CallbackRouter;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.launch.OptionsLauncher;
import dev.claudecode.internal.session.CliConnection;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.ToolResult;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.permission.ToolPermissionRequest;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.LocalTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * The callback layer against the real CLI, below the session: a CLI launched with the callbacks'
 * arguments, told about them in {@code initialize}, and answered by the {@link CallbackRouter}.
 * Shows that the wire forms this library chose (hook matchers without a {@code matcher} key,
 * numeric timeouts, the {@code --permission-prompt-tool=stdio} form, the MCP SDK's answers) are
 * accepted and have the recorded effects.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class CallbackWireIT {

    @TempDir
    Path cwd;

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

    private CliConnection launch(FakeClaudeApi api, CallbackConfig config, CallbackRouter router) {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment()).build();
        LaunchSpec spec = new OptionsLauncher(options, TestCli.path().toString()).initial();
        List<String> arguments = new ArrayList<>(spec.arguments());
        arguments.addAll(config.cliArguments());
        CliConnection connection = CliConnection.open(LocalTransport.create(), spec.withArguments(arguments), Long.MAX_VALUE,
                router, new CliConnection.Events() {
                    @Override
                    public void onMessage(Message message) {
                        messages.add(message);
                    }

                    @Override
                    public void onProtocolError(ProtocolException error) {
                    }

                    @Override
                    public void onStderr(String line) {
                    }

                    @Override
                    public void onExit(CliConnection exited, Optional<CliProcessException> failure) {
                    }
                });
        ObjectNode initialize = Json.object();
        initialize.put("subtype", "initialize");
        config.addTo(initialize);
        connection.control().request(initialize, Duration.ofSeconds(30)).join();
        return connection;
    }

    private ResultMessage turn(CliConnection connection, String prompt) throws InterruptedException {
        ObjectNode user = Json.object();
        user.put("type", "user");
        ObjectNode message = user.putObject("message");
        message.put("role", "user");
        message.put("content", prompt);
        user.putNull("parent_tool_use_id");
        user.put("session_id", "");
        connection.write(user);
        while (true) {
            Message next = messages.poll(60, TimeUnit.SECONDS);
            assertThat(next).as("a message before the timeout").isNotNull();
            if (next instanceof ResultMessage result) {
                return result;
            }
        }
    }

    @Test
    void permissionHooksAndAnInProcessToolInOneTurn(FakeClaudeApi api) throws Exception {
        List<ToolPermissionRequest> prompts = new CopyOnWriteArrayList<>();
        List<HookInput> hookInputs = new CopyOnWriteArrayList<>();
        SdkMcpServer calc = SdkMcpServer.builder("calc").tool("add", "Add two numbers", Map.of("type", "object",
                "properties", Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")), "required", List.of("a", "b")),
                args -> ToolResult.text(String.valueOf(((Number) args.get("a")).intValue() + ((Number) args.get("b")).intValue())))
                .build();
        CallbackConfig config = CallbackConfig.builder()
                .canUseTool(request -> {
                    prompts.add(request);
                    return request.toolName().equals("Bash")
                            ? PermissionResult.allow(Map.of("command", "touch changed-by-java.txt && echo created",
                                    "description", "Create a file"))
                            : PermissionResult.allow();
                })
                .hook(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash", (input, toolUseId, context) -> {
                    hookInputs.add(input);
                    return HookOutput.empty();
                }).withTimeout(Duration.ofSeconds(30)))
                .hook(HookEvent.USER_PROMPT_SUBMIT, HookMatcher.all((input, toolUseId, context) -> {
                    hookInputs.add(input);
                    return HookOutput.additionalContext(HookEvent.USER_PROMPT_SUBMIT, "Context from a Java hook.");
                }))
                .hook(HookEvent.STOP, HookMatcher.all((input, toolUseId, context) -> {
                    hookInputs.add(input);
                    return HookOutput.empty();
                }))
                .sdkMcpServer("calc", calc)
                .build();
        api.enqueue(
                Reply.toolUse("Bash", Map.of("command", "touch original.txt && echo created", "description", "Create a file")),
                Reply.toolUse("mcp__calc__add", Map.of("a", 2, "b", 3)),
                Reply.text("All done."));
        CallbackRouter router = config.newRouter(Optional::empty, Optional.of(cwd.toString()));
        CliConnection connection = launch(api, config, router);
        try {
            ResultMessage result = turn(connection, "create a file and add 2 and 3");
            assertThat(result.isError()).isFalse();
            assertThat(result.result()).contains("All done.");
        } finally {
            connection.stop(Duration.ofSeconds(5));
            router.close();
        }

        assertThat(Files.exists(cwd.resolve("changed-by-java.txt"))).isTrue();
        assertThat(Files.exists(cwd.resolve("original.txt"))).isFalse();
        assertThat(prompts).extracting(ToolPermissionRequest::toolName).containsExactly("Bash", "mcp__calc__add");
        assertThat(hookInputs).extracting(input -> input.event().name())
                .containsExactly("UserPromptSubmit", "PreToolUse", "Stop");

        List<RecordedRequest> main = api.log().main();
        assertThat(main).hasSizeGreaterThanOrEqualTo(3);
        // the CLI adds hook context as a system reminder next to the prompt
        assertThat(Json.write(main.get(0).messages())).contains("Context from a Java hook.");
        assertThat(main.get(1).toolResults().getLast()).satisfies(r -> assertThat(r.text()).isEqualTo("created"));
        assertThat(main.get(2).toolResults().getLast()).satisfies(r -> {
            assertThat(r.text()).isEqualTo("5");
            assertThat(r.isError()).isFalse();
        });
        assertThat(main.get(0).toolNames()).contains("mcp__calc__add");
    }

    @Test
    void deniesAHookBlockAndAFailingCallbackReachTheModel(FakeClaudeApi api) throws Exception {
        CallbackConfig config = CallbackConfig.builder()
                .canUseTool(request -> {
                    if (request.inputString("command").orElse("").startsWith("rm")) {
                        return PermissionResult.deny("Denied by Java policy: no rm");
                    }
                    throw new IllegalStateException("policy store unreachable");
                })
                .hook(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash", (input, toolUseId, context) ->
                        ((HookInput.PreToolUse) input).toolInput().get("command").toString().contains("secret")
                                ? HookOutput.denyTool("Blocked by a Java PreToolUse hook") : HookOutput.empty()))
                .build();
        api.enqueue(
                Reply.toolUse("Bash", Map.of("command", "rm -rf build", "description", "Delete build")),
                Reply.toolUse("Bash", Map.of("command", "cat secret.txt > leak.txt", "description", "Leak")),
                Reply.toolUse("Bash", Map.of("command", "touch x.txt", "description", "Create x")),
                Reply.text("Gave up."));
        CallbackRouter router = config.newRouter(Optional::empty, Optional.empty());
        CliConnection connection = launch(api, config, router);
        try {
            assertThat(turn(connection, "do three things").result()).contains("Gave up.");
        } finally {
            connection.stop(Duration.ofSeconds(5));
            router.close();
        }
        List<RecordedRequest> main = api.log().main();
        assertThat(main.get(1).toolResults().getLast()).satisfies(r -> {
            assertThat(r.isError()).isTrue();
            assertThat(r.text()).isEqualTo("Denied by Java policy: no rm");
        });
        assertThat(main.get(2).toolResults().getLast()).satisfies(r -> {
            assertThat(r.isError()).isTrue();
            assertThat(r.text()).isEqualTo("Blocked by a Java PreToolUse hook");
        });
        assertThat(main.get(3).toolResults().getLast()).satisfies(r -> {
            assertThat(r.isError()).isTrue();
            assertThat(r.text()).contains("policy store unreachable");
        });
        assertThat(Files.exists(cwd.resolve("x.txt"))).isFalse();
    }
}
