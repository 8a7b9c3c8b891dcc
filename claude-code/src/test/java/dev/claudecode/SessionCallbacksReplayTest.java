package dev.claudecode;

import java.util.ArrayList;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.internal.protocol.GoldenTranscripts;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.options.ClaudeCodeOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.ToolResult;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.permission.PermissionRule;
import dev.claudecode.permission.PermissionUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sessions with Java callbacks driven against recorded transcripts: the session's initialize
 * request, its command line, and every answer its callbacks give the CLI must equal what the
 * recording SDK wrote, byte for byte after parsing. Each test replays the transcript of every
 * recorded CLI version.
 */
class SessionCallbacksReplayTest {

    private static final ClaudeCodeOptions OPTIONS = ClaudeCodeOptions.builder().controlTimeout(Duration.ofSeconds(10)).build();

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void permissionAllowedWithChangedInput30(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "30_permission_allow_updated_input.jsonl");
        try (Session session = ClaudeCode.start(OPTIONS.toBuilder().canUseTool(request -> PermissionResult.allow(Map.of(
                "command", "touch changed-by-sdk.txt && echo created", "description", "Create a file"))).build(), replay)) {
            assertThat(session.query("create original.txt").result()).contains("The file was created.");
        }
        replay.assertFullyReplayed();
        assertThat(replay.launches().getFirst().arguments()).contains("--permission-prompt-tool=stdio");
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void permissionsWithUpdatedPermissions33(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "33_permission_write_read_edit.jsonl");
        try (Session session = ClaudeCode.start(OPTIONS.toBuilder().canUseTool(request -> request.toolName().equals("Edit")
                ? PermissionResult.allow().withUpdatedPermissions(PermissionUpdate.allowForSession(PermissionRule.tool("Edit")))
                : PermissionResult.allow()).build(), replay)) {
            session.query("create notes.txt, read it, then edit it twice");
        }
        replay.assertFullyReplayed();
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void aPreToolUseHookDenies36(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "36_hook_pretooluse_deny.jsonl");
        try (Session session = ClaudeCode.start(OPTIONS.toBuilder()
                .canUseTool(request -> PermissionResult.allow())
                .hook(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash",
                        (input, toolUseId, context) -> HookOutput.denyTool("Blocked by SDK PreToolUse hook")))
                .build(), replay)) {
            assertThat(session.query("run echo never").result()).contains("The hook blocked it.");
        }
        replay.assertFullyReplayed();
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void anInProcessMcpToolIsCalled40(String version) throws Exception {
        List<GoldenTranscripts.Entry> recorded = GoldenTranscripts.entries(version, "40_sdk_mcp_tool_call.jsonl");
        boolean readsInitialize = CliVersionRange.compare(version, "2.1.326") >= 0;
        ReplayTransport replay = new ReplayTransport(version, readsInitialize ? recorded : handshakeAtStart(recorded));
        SdkMcpServer calc = SdkMcpServer.builder("calc").version("1.0.0").tool("add", "Add two numbers", Map.of(
                "type", "object",
                "properties", Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")),
                "required", List.of("a", "b")),
                args -> ToolResult.text(String.valueOf(((Number) args.get("a")).intValue() + ((Number) args.get("b")).intValue())))
                .build();
        try (Session session = ClaudeCode.start(OPTIONS.toBuilder()
                .mcpServer("calc", McpServerConfig.sdk(calc))
                .canUseTool(request -> PermissionResult.allow())
                .build(), replay)) {
            assertThat(session.query("add 2 and 3 with the calc tool").result()).contains("2 + 3 = 5");
        }
        replay.assertFullyReplayed();
        LaunchSpec launch = replay.launches().getFirst();
        if (readsInitialize) {
            assertThat(launch.arguments()).noneMatch(argument -> argument.startsWith("--mcp-config"));
            assertThat(launch.files()).isEmpty();
        } else {
            // an older CLI finds the in-process server in a private file, which makes it connect the server at start
            String file = launch.files().keySet().iterator().next();
            assertThat(launch.arguments()).contains("--mcp-config=" + file);
            assertThat(launch.files().get(file)).isEqualTo("{\"mcpServers\":{\"calc\":{\"type\":\"sdk\",\"name\":\"calc\"}}}");
        }
    }

    /**
     * The recording of a CLI that connected the in-process server at the first user message, as
     * it does when only the {@code initialize} request names the server, changed to what the same
     * CLI does when its {@code --mcp-config} file lists the server (seen on 2.1.197): the MCP
     * handshake comes as it starts, before the first user message.
     */
    private static List<GoldenTranscripts.Entry> handshakeAtStart(List<GoldenTranscripts.Entry> recorded) {
        List<GoldenTranscripts.Entry> entries = new ArrayList<>(recorded);
        int user = -1;
        for (int i = 0; i < entries.size() && user < 0; i++) {
            if (entries.get(i).isIn() && entries.get(i).type().equals("user")) {
                user = i;
            }
        }
        List<GoldenTranscripts.Entry> handshake = new ArrayList<>();
        for (int i = user + 1; i < entries.size() && isMcpExchange(entries.get(i)); i++) {
            handshake.add(entries.get(i));
        }
        entries.removeAll(handshake);
        entries.addAll(user, handshake);
        return entries;
    }

    private static boolean isMcpExchange(GoldenTranscripts.Entry entry) {
        return entry.type().equals("control_response") && entry.isIn()
                || entry.type().equals("control_request") && entry.msg().path("request").path("subtype").asString("").equals("mcp_message");
    }
}
