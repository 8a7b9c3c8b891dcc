package dev.claudecode.internal.protocol;

import dev.claudecode.internal.json.Json;
import dev.claudecode.message.AuthStatusMessage;
import dev.claudecode.message.PromptSuggestionMessage;
import dev.claudecode.message.RateLimitEvent;
import dev.claudecode.message.RateLimitInfo;
import dev.claudecode.message.ToolProgressMessage;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the top-level messages outside the conversation: {@code rate_limit_event}, {@code
 * tool_progress}, {@code prompt_suggestion} and {@code auth_status}.
 */
final class EventMessageDecoder {

    private EventMessageDecoder() {
    }

    /** Decodes a {@code rate_limit_event}; its state is under {@code rate_limit_info}. */
    static RateLimitEvent rateLimit(JsonNode m) {
        JsonNode info = Fields.object(m, "rate_limit_info");
        return new RateLimitEvent(
                new RateLimitInfo(
                        Fields.string(info, "status"),
                        Fields.optLong(info, "resetsAt"),
                        Fields.optString(info, "rateLimitType"),
                        Fields.optDouble(info, "utilization"),
                        Fields.bool(info, "isUsingOverage"),
                        Json.lazyMap(info)),
                Fields.sessionId(m),
                Fields.uuid(m),
                Fields.raw(m));
    }

    /** Decodes a {@code tool_progress} message. */
    static ToolProgressMessage toolProgress(JsonNode m) {
        return new ToolProgressMessage(
                Fields.string(m, "tool_use_id"),
                Fields.string(m, "tool_name"),
                Fields.optString(m, "parent_tool_use_id"),
                Fields.doubleValue(m, "elapsed_time_seconds"),
                Fields.optString(m, "task_id"),
                Fields.sessionId(m),
                Fields.uuid(m),
                Fields.raw(m));
    }

    /** Decodes a {@code prompt_suggestion} message. */
    static PromptSuggestionMessage promptSuggestion(JsonNode m) {
        return new PromptSuggestionMessage(
                Fields.string(m, "suggestion"), Fields.sessionId(m), Fields.uuid(m), Fields.raw(m));
    }

    /** Decodes an {@code auth_status} message. */
    static AuthStatusMessage authStatus(JsonNode m) {
        return new AuthStatusMessage(
                Fields.bool(m, "isAuthenticating"),
                Fields.strings(m, "output"),
                Fields.optString(m, "error"),
                Fields.sessionId(m),
                Fields.uuid(m),
                Fields.raw(m));
    }
}
