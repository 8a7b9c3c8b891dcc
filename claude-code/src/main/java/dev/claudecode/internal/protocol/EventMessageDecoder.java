package dev.claudecode.internal.protocol;

import dev.claudecode.internal.json.Json;
import dev.claudecode.message.AuthStatusMessage;
import dev.claudecode.message.Envelope;
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
    static RateLimitEvent rateLimit(JsonNode m, Envelope envelope) {
        JsonNode info = Fields.object(m, "rate_limit_info");
        return new RateLimitEvent(
                new RateLimitInfo(
                        Fields.string(info, "status"),
                        Fields.optLong(info, "resetsAt"),
                        Fields.optString(info, "rateLimitType"),
                        Fields.optDouble(info, "utilization"),
                        Fields.bool(info, "isUsingOverage"),
                        Json.lazyMap(info)),
                envelope);
    }

    /** Decodes a {@code tool_progress} message. */
    static ToolProgressMessage toolProgress(JsonNode m, Envelope envelope) {
        return new ToolProgressMessage(
                Fields.string(m, "tool_use_id"),
                Fields.string(m, "tool_name"),
                Fields.optString(m, "parent_tool_use_id"),
                Fields.doubleValue(m, "elapsed_time_seconds"),
                Fields.optString(m, "task_id"),
                envelope);
    }

    /** Decodes a {@code prompt_suggestion} message. */
    static PromptSuggestionMessage promptSuggestion(JsonNode m, Envelope envelope) {
        return new PromptSuggestionMessage(
                Fields.string(m, "suggestion"), envelope);
    }

    /** Decodes an {@code auth_status} message. */
    static AuthStatusMessage authStatus(JsonNode m, Envelope envelope) {
        return new AuthStatusMessage(
                Fields.bool(m, "isAuthenticating"),
                Fields.strings(m, "output"),
                Fields.optString(m, "error"),
                envelope);
    }
}
