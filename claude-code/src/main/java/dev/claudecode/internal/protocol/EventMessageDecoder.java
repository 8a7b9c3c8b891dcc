package dev.claudecode.internal.protocol;

import dev.claudecode.internal.json.Json;
import dev.claudecode.message.ActiveGoalMessage;
import dev.claudecode.message.AuthStatusMessage;
import dev.claudecode.message.CommandLifecycleMessage;
import dev.claudecode.message.ConversationResetMessage;
import dev.claudecode.message.Envelope;
import dev.claudecode.message.PromptSuggestionMessage;
import dev.claudecode.message.RateLimitEvent;
import dev.claudecode.message.RateLimitInfo;
import dev.claudecode.message.ToolProgressMessage;
import dev.claudecode.message.ToolUseSummaryMessage;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the top-level messages outside the conversation: {@code rate_limit_event}, {@code
 * tool_progress}, {@code prompt_suggestion}, {@code auth_status}, {@code command_lifecycle}, {@code
 * tool_use_summary}, {@code conversation_reset} and {@code active_goal}.
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
                Fields.bool(m, "heartbeat"),
                Fields.optString(m, "subagent_type"),
                Fields.optString(m, "description"),
                Fields.optMap(m, "subagent_retry"),
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

    /** Decodes a {@code command_lifecycle} message. */
    static CommandLifecycleMessage commandLifecycle(JsonNode m, Envelope envelope) {
        return new CommandLifecycleMessage(
                Fields.string(m, "command_uuid"),
                Fields.string(m, "state"),
                Fields.optString(m, "wakeup_source"),
                Fields.optLong(m, "scheduled_for"),
                envelope);
    }

    /** Decodes a {@code tool_use_summary} message. */
    static ToolUseSummaryMessage toolUseSummary(JsonNode m, Envelope envelope) {
        return new ToolUseSummaryMessage(
                Fields.string(m, "summary"), Fields.strings(m, "preceding_tool_use_ids"), envelope);
    }

    /** Decodes a {@code conversation_reset} message. */
    static ConversationResetMessage conversationReset(JsonNode m, Envelope envelope) {
        return new ConversationResetMessage(
                Fields.string(m, "new_conversation_id"),
                Fields.optString(m, "trigger"),
                Fields.optString(m, "user_message_uuid"),
                Fields.optString(m, "timestamp"),
                envelope);
    }

    /** Decodes an {@code active_goal} message; {@code value:null} is a cleared goal. */
    static ActiveGoalMessage activeGoal(JsonNode m, Envelope envelope) {
        JsonNode value = m.get("value");
        Optional<ActiveGoalMessage.Goal> goal = value != null && value.isObject()
                ? Optional.of(new ActiveGoalMessage.Goal(
                        Fields.string(value, "condition"),
                        Fields.longValue(value, "iterations"),
                        Fields.longValue(value, "set_at"),
                        Fields.longValue(value, "tokens_at_start"),
                        Fields.optString(value, "last_reason")))
                : Optional.empty();
        return new ActiveGoalMessage(goal, envelope);
    }
}
