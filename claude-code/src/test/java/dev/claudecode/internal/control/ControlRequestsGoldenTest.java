package dev.claudecode.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.control.ContextUsage;
import dev.claudecode.control.FileContents;
import dev.claudecode.control.McpCall;
import dev.claudecode.control.ReloadPlugins;
import dev.claudecode.control.SettingsFile;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.ThinkingDisplay;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.GoldenTranscripts;
import dev.claudecode.internal.protocol.GoldenTranscripts.Entry;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.permission.PermissionMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every control request the recording driver sent in transcripts 01 and 50–61 is rebuilt through
 * this library's builders, from the values a caller would pass, and must equal the recorded
 * {@code request} object exactly: same fields, same types, same omissions.
 */
class ControlRequestsGoldenTest {

    static Stream<Entry> recordedRequests() {
        return GoldenTranscripts.entriesOfEveryVersion("01_", "5", "6").stream()
                .filter(entry -> entry.isIn() && entry.type().equals("control_request"))
                .filter(entry -> !entry.requestSubtype().isEmpty())
                // SDK MCP servers in mcp_set_servers arrive with the callbacks; McpServerConfig has no such variant
                .filter(entry -> !entry.msg().path("request").path("servers").toString().contains("\"sdk\""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("recordedRequests")
    void theSdkBuildsExactlyTheRecordedRequest(Entry entry) {
        JsonNode recorded = entry.msg().path("request");

        assertThat(rebuild(recorded)).as(entry + " " + recorded).isEqualTo(recorded);
    }

    @Test
    void everySubtypeOfSection61IsCovered() {
        List<String> subtypes = recordedRequests().map(Entry::requestSubtype).distinct().toList();

        assertThat(subtypes).contains("initialize", "interrupt", "set_model", "set_permission_mode",
                "set_max_thinking_tokens", "mcp_status", "mcp_reconnect", "mcp_toggle", "mcp_set_servers",
                "rewind_files", "stop_task", "get_context_usage", "get_settings", "apply_flag_settings",
                "rename_session", "get_binary_version", "get_session_cost", "get_usage", "reload_plugins",
                "reload_skills", "file_suggestions", "read_file", "cancel_async_message", "seed_read_state",
                "background_tasks", "set_color", "frobnicate");
    }

    /**
     * The subtypes and fields no recording holds, against the shape of the CLI 2.1.332 schema and of
     * the TypeScript SDK 0.3.336 ({@code sdk.d.ts}); each is also sent to the real CLI by the
     * integration tests.
     */
    static Stream<Arguments> unrecordedShapes() {
        return Stream.of(
                Arguments.of(ControlRequests.interrupt(true), "{\"subtype\":\"interrupt\",\"cancel_queued\":true}"),
                Arguments.of(ControlRequests.interrupt(false), "{\"subtype\":\"interrupt\"}"),
                Arguments.of(ControlRequests.setThinkingDisplay(Optional.of(ThinkingDisplay.HIGHLIGHTS)),
                        "{\"subtype\":\"set_max_thinking_tokens\",\"thinking_display\":\"highlights\"}"),
                Arguments.of(ControlRequests.setThinkingDisplay(Optional.empty()),
                        "{\"subtype\":\"set_max_thinking_tokens\",\"thinking_display\":null}"),
                Arguments.of(ControlRequests.getContextUsage(ContextUsage.Detail.SUMMARY),
                        "{\"subtype\":\"get_context_usage\",\"detail\":\"summary\"}"),
                Arguments.of(ControlRequests.listModels(), "{\"subtype\":\"list_models\"}"),
                Arguments.of(ControlRequests.getUsage(true), "{\"subtype\":\"get_usage\",\"skip_behaviors\":true}"),
                Arguments.of(ControlRequests.mcpCall(McpCall.of("mcp__docs__search", Map.of("q", "x")).checkingPermissions()
                                .forProgram().softErrors().withTimeout(Duration.ofSeconds(5))),
                        "{\"subtype\":\"mcp_call\",\"tool\":\"mcp__docs__search\",\"arguments\":{\"q\":\"x\"},"
                                + "\"check_permissions\":true,\"result_not_for_model\":true,\"soft_error_result\":true,\"timeout_ms\":5000}"),
                Arguments.of(ControlRequests.readFile("a.png", OptionalInt.of(64), FileContents.Encoding.BASE64),
                        "{\"subtype\":\"read_file\",\"path\":\"a.png\",\"max_bytes\":64,\"encoding\":\"base64\"}"),
                Arguments.of(ControlRequests.registerRepoRoot("/r/sub", true, false, true),
                        "{\"subtype\":\"register_repo_root\",\"directory\":\"/r/sub\",\"reload_claude_md\":true,\"reload_skills\":true}"),
                Arguments.of(ControlRequests.reloadPlugins(ReloadPlugins.builder().holdOnCacheImpact(true).refuseIfBusy(true)
                                .addPlugin(Path.of("/p/a")).addPluginWithoutMcp(Path.of("/p/b")).build()),
                        "{\"subtype\":\"reload_plugins\",\"hold_on_cache_impact\":true,\"add_plugins\":["
                                + "{\"type\":\"local\",\"path\":\"/p/a\"},{\"type\":\"local\",\"path\":\"/p/b\",\"skipMcpDiscovery\":true}],"
                                + "\"refuse_if_busy\":true}"),
                Arguments.of(ControlRequests.reloadOutputStyles(), "{\"subtype\":\"reload_output_styles\"}"),
                Arguments.of(ControlRequests.setHasSubscribers(Optional.of(false)), "{\"subtype\":\"set_has_subscribers\",\"has_subscribers\":false}"),
                Arguments.of(ControlRequests.setHasSubscribers(Optional.empty()), "{\"subtype\":\"set_has_subscribers\",\"has_subscribers\":null}"),
                Arguments.of(ControlRequests.backgroundTasks(Optional.of("toolu_1")), "{\"subtype\":\"background_tasks\",\"tool_use_id\":\"toolu_1\"}"),
                Arguments.of(ControlRequests.getTaskOutput("b1"), "{\"subtype\":\"get_task_output\",\"task_id\":\"b1\"}"),
                Arguments.of(ControlRequests.getHooksListing(), "{\"subtype\":\"get_hooks_listing\"}"),
                Arguments.of(ControlRequests.updateSettings(SettingsFile.LOCAL, Map.of("outputStyle", "Concise")),
                        "{\"subtype\":\"update_settings\",\"source\":\"localSettings\",\"settings\":{\"outputStyle\":\"Concise\"}}"),
                Arguments.of(ControlRequests.listPermissionRules(), "{\"subtype\":\"list_permission_rules\"}"),
                Arguments.of(ControlRequests.mcpReadResource("echo", "ui://echo/w"),
                        "{\"subtype\":\"mcp_read_resource\",\"serverName\":\"echo\",\"uri\":\"ui://echo/w\"}"),
                Arguments.of(ControlRequests.setMcpPermissionModeOverride("echo", Optional.of(PermissionMode.AUTO)),
                        "{\"subtype\":\"set_mcp_permission_mode_override\",\"serverName\":\"echo\",\"mode\":\"auto\"}"),
                Arguments.of(ControlRequests.setMcpPermissionModeOverride("echo", Optional.empty()),
                        "{\"subtype\":\"set_mcp_permission_mode_override\",\"serverName\":\"echo\",\"mode\":null}"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unrecordedShapes")
    void unrecordedSubtypesHaveTheShapeOfTheCliSchema(ObjectNode built, String expected) {
        assertThat(built).isEqualTo(Json.parse(expected));
    }

    /** The call a caller makes for the recorded request, with the values it would pass. */
    private static ObjectNode rebuild(JsonNode r) {
        String subtype = Json.text(r, "subtype", "");
        return switch (subtype) {
            case "initialize" -> InitializeRequest.of(ClaudeCodeOptions.builder().build(), sdkServers(r));
            case "interrupt" -> ControlRequests.interrupt();
            case "set_model" -> ControlRequests.setModel(Json.text(r, "model"));
            case "set_permission_mode" -> ControlRequests.setPermissionMode(PermissionMode.of(Json.text(r, "mode", "")));
            case "set_max_thinking_tokens" -> ControlRequests.setMaxThinkingTokens(
                    r.path("max_thinking_tokens").isNumber() ? OptionalInt.of(r.path("max_thinking_tokens").intValue()) : OptionalInt.empty());
            case "mcp_status" -> ControlRequests.mcpStatus();
            case "mcp_reconnect" -> ControlRequests.mcpReconnect(Json.text(r, "serverName", ""));
            case "mcp_toggle" -> ControlRequests.mcpToggle(Json.text(r, "serverName", ""), r.path("enabled").booleanValue());
            case "mcp_set_servers" -> ControlRequests.mcpSetServers(stdioServers(r.path("servers")));
            case "rewind_files" -> ControlRequests.rewindFiles(Json.text(r, "user_message_id", ""), Json.bool(r, "dry_run", false));
            case "stop_task" -> ControlRequests.stopTask(Json.text(r, "task_id", ""));
            case "get_context_usage" -> ControlRequests.getContextUsage();
            case "get_settings" -> ControlRequests.getSettings();
            case "apply_flag_settings" -> ControlRequests.applyFlagSettings(Json.toMap(r.path("settings")));
            case "rename_session" -> ControlRequests.renameSession(Json.text(r, "title", ""));
            case "get_binary_version" -> ControlRequests.getBinaryVersion();
            case "get_session_cost" -> ControlRequests.getSessionCost();
            case "get_usage" -> ControlRequests.getUsage(Json.bool(r, "skip_behaviors", false));
            case "reload_plugins" -> ControlRequests.reloadPlugins(ReloadPlugins.defaults());
            case "reload_skills" -> ControlRequests.reloadSkills();
            case "file_suggestions" -> ControlRequests.fileSuggestions(Json.text(r, "query", ""));
            case "read_file" -> ControlRequests.readFile(Json.text(r, "path", ""), OptionalInt.empty(), FileContents.Encoding.UTF_8);
            case "cancel_async_message" -> ControlRequests.cancelAsyncMessage(Json.text(r, "message_uuid", ""));
            case "seed_read_state" -> ControlRequests.seedReadState(Json.text(r, "path", ""), r.path("mtime").longValue());
            case "background_tasks" -> ControlRequests.backgroundTasks(Json.text(r, "tool_use_id"));
            case "set_color" -> ControlRequests.setColor(Json.text(r, "color", ""));
            default -> ControlRequests.generic(subtype, withoutSubtype(r));
        };
    }

    // What the SDK MCP registry will contribute; here it stands in for it.
    private static List<InitializeRequest.Contribution> sdkServers(JsonNode r) {
        List<InitializeRequest.Contribution> contributions = new ArrayList<>();
        if (r.has("sdkMcpServers")) {
            contributions.add(request -> request.set("sdkMcpServers", r.get("sdkMcpServers")));
        }
        return contributions;
    }

    private static Map<String, McpServerConfig> stdioServers(JsonNode servers) {
        Map<String, McpServerConfig> configs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> server : servers.properties()) {
            configs.put(server.getKey(), new McpServerConfig.Stdio(Json.text(server.getValue(), "command", ""),
                    Json.strings(server.getValue().get("args")), Map.of()));
        }
        return configs;
    }

    private static Map<String, Object> withoutSubtype(JsonNode r) {
        Map<String, Object> fields = new LinkedHashMap<>(Json.toMap(r));
        fields.remove("subtype");
        return fields;
    }
}
