package dev.claudecode.console.web;

import dev.claudecode.control.RewindResult;
import dev.claudecode.console.session.ConsoleEvent;
import dev.claudecode.console.session.ContextBreakdown;
import dev.claudecode.console.session.SessionRow;
import dev.claudecode.console.session.SessionState;
import dev.claudecode.console.session.ToolRequest;
import dev.claudecode.console.session.TranscriptLine;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpToolInfo;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON the web console speaks: its values as plain maps, written and read with Jackson, so the
 * page sees one stable shape whatever the Java types look like.
 */
final class WebJson implements JsonMapper {

    private static final ObjectMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder().build();

    @Override
    public String toJsonString(Object value, Type type) {
        return MAPPER.writeValueAsString(value);
    }

    @Override
    public <T> T fromJsonString(String json, Type type) {
        return MAPPER.readValue(json, MAPPER.getTypeFactory().constructType(type));
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static Map<String, Object> event(ConsoleEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (event) {
            case ConsoleEvent.PromptSent sent -> {
                json.put("text", sent.prompt().text());
                json.put("number", sent.prompt().number());
                json.put("messageId", sent.prompt().messageId());
            }
            case ConsoleEvent.Cleared cleared -> {
            }
            case ConsoleEvent.Text text -> json.put("text", text.text());
            case ConsoleEvent.ToolCall call -> {
                json.put("toolUseId", call.toolUseId());
                json.put("name", call.name());
                json.put("summary", call.summary());
            }
            case ConsoleEvent.ToolOutput output -> {
                json.put("toolUseId", output.toolUseId());
                json.put("preview", output.preview());
                json.put("error", output.error());
            }
            case ConsoleEvent.TurnEnded ended -> {
                json.put("error", ended.error());
                json.put("errorText", ended.errorText().orElse(null));
                json.put("turns", ended.turns());
                json.put("costUsd", ended.costUsd());
                json.put("sessionCostUsd", ended.sessionCostUsd());
                json.put("durationMs", ended.durationMs());
            }
            case ConsoleEvent.TurnFailed failed -> json.put("message", failed.message());
            case ConsoleEvent.Retrying retrying -> {
                json.put("attempt", retrying.attempt());
                json.put("maxRetries", retrying.maxRetries());
                json.put("delayMs", retrying.delayMs());
                json.put("text", retrying.describe());
            }
            case ConsoleEvent.StateChanged changed -> json.put("state", state(changed.state()));
            case ConsoleEvent.Notice notice -> json.put("text", notice.text());
            case ConsoleEvent.PermissionAsked asked -> json.put("request", request(asked.request()));
            case ConsoleEvent.PermissionAnswered answered -> {
                json.put("requestId", answered.requestId());
                json.put("decision", answered.decision().wireName());
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("type", type(event));
        typed.putAll(json);
        return typed;
    }

    private static String type(ConsoleEvent event) {
        return switch (event) {
            case ConsoleEvent.PromptSent sent -> "prompt";
            case ConsoleEvent.Cleared cleared -> "cleared";
            case ConsoleEvent.Text text -> "text";
            case ConsoleEvent.ToolCall call -> "tool_call";
            case ConsoleEvent.ToolOutput output -> "tool_output";
            case ConsoleEvent.TurnEnded ended -> "turn_end";
            case ConsoleEvent.TurnFailed failed -> "turn_failed";
            case ConsoleEvent.Retrying retrying -> "api_retry";
            case ConsoleEvent.StateChanged changed -> "state";
            case ConsoleEvent.Notice notice -> "notice";
            case ConsoleEvent.PermissionAsked asked -> "permission_asked";
            case ConsoleEvent.PermissionAnswered answered -> "permission_answered";
        };
    }

    static Map<String, Object> state(SessionState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sessionId", state.sessionId().orElse(null));
        json.put("model", state.model().orElse(null));
        json.put("permissionMode", state.permissionMode().orElse(null));
        return json;
    }

    static Map<String, Object> request(ToolRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requestId", request.requestId());
        json.put("toolName", request.toolName());
        json.put("description", request.describe());
        json.put("input", request.input());
        json.put("toolUseId", request.toolUseId().orElse(null));
        json.put("reason", request.reason().orElse(null));
        return json;
    }

    static Map<String, Object> mcpServer(McpServerStatus server) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", server.name());
        json.put("status", server.status().value());
        json.put("error", server.error().orElse(null));
        json.put("tools", server.tools().stream().map(McpToolInfo::name).toList());
        return json;
    }

    static Map<String, Object> context(ContextBreakdown breakdown) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", breakdown.model());
        json.put("totalTokens", breakdown.totalTokens());
        json.put("windowTokens", breakdown.windowTokens());
        json.put("percentage", breakdown.percentage());
        json.put("categories", breakdown.categories().stream().map(category -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", category.name());
            row.put("tokens", category.tokens());
            row.put("kind", category.kind().wireName());
            row.put("share", category.share());
            return row;
        }).toList());
        return json;
    }

    static Map<String, Object> rewind(RewindResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("canRewind", result.canRewind());
        json.put("error", result.error().orElse(null));
        json.put("filesChanged", result.filesChanged());
        json.put("insertions", result.insertions().isPresent() ? result.insertions().getAsLong() : null);
        json.put("deletions", result.deletions().isPresent() ? result.deletions().getAsLong() : null);
        return json;
    }

    static Map<String, Object> row(SessionRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sessionId", row.sessionId());
        json.put("modified", row.modified().toString());
        json.put("messages", row.messages().isPresent() ? row.messages().getAsInt() : null);
        json.put("project", row.project());
        json.put("title", row.title());
        return json;
    }

    static Map<String, Object> line(TranscriptLine line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", line.kind().name().toLowerCase(Locale.ROOT));
        json.put("text", line.text());
        json.put("error", line.error());
        return json;
    }
}
