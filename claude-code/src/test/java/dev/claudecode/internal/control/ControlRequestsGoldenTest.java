package dev.claudecode.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.GoldenTranscripts;
import dev.claudecode.internal.protocol.GoldenTranscripts.Entry;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.permission.PermissionMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
                "rename_session", "get_binary_version", "frobnicate");
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
