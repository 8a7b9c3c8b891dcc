package dev.claudecode.internal.protocol;

import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Envelope;
import dev.claudecode.message.MessageOrigin;
import dev.claudecode.message.ToolResultMeta;
import dev.claudecode.message.ToolUseMeta;
import dev.claudecode.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Decodes the conversation: {@code "type":"assistant"} and {@code "type":"user"} messages. */
final class ConversationMessageDecoder {

    private ConversationMessageDecoder() {
    }

    /** Decodes an assistant message: the API message under {@code message}, plus the envelope. */
    static AssistantMessage assistant(JsonNode m, Envelope envelope) {
        JsonNode message = Fields.object(m, "message");
        List<ToolUseMeta> toolUseMeta = new ArrayList<>();
        for (JsonNode meta : Fields.array(m, "tool_use_meta")) {
            if (meta.isObject()) {
                toolUseMeta.add(new ToolUseMeta(
                        Fields.string(meta, "id"),
                        Fields.string(meta, "display_name"),
                        Fields.string(meta, "server_display_name")));
            }
        }
        return new AssistantMessage(
                Fields.string(message, "id"),
                Fields.string(message, "model"),
                ContentBlockDecoder.decodeAll(message.get("content")),
                Fields.optString(message, "stop_reason"),
                Fields.optString(message, "stop_sequence"),
                UsageDecoder.usage(message.get("usage")),
                Fields.optString(m, "parent_tool_use_id"),
                Fields.optString(m, "error"),
                Fields.optString(m, "request_id"),
                toolUseMeta,
                Fields.optString(m, "timestamp"),
                Fields.optString(m, "agent_id"),
                Fields.optString(m, "subagent_type"),
                Fields.optString(m, "task_description"),
                Fields.bool(m, "aborted"),
                Fields.optString(m, "user_message_uuid"),
                Fields.strings(m, "user_message_uuids"),
                Fields.optString(m, "resume_reason"),
                Fields.bool(m, "resumed_from_incomplete_thinking"),
                Fields.strings(m, "supersedes"),
                Fields.optLong(m, "thinking_duration_ms"),
                Fields.optString(m, "thinking_display"),
                Fields.bool(m, "is_api_error_message"),
                Fields.optInt(m, "api_error_status"),
                Fields.optString(m, "api_error_type"),
                Fields.optMap(m, "context_usage"),
                Fields.optMap(m, "usage_report"),
                envelope);
    }

    /** Decodes a user message: {@code message.content} is a string or an array of blocks. */
    static UserMessage user(JsonNode m, Envelope envelope) {
        JsonNode content = Fields.object(m, "message").get("content");
        Optional<String> textContent = content != null && content.isString()
                ? Optional.of(content.stringValue())
                : Optional.empty();
        return new UserMessage(
                ContentBlockDecoder.decodeAll(content),
                textContent,
                Fields.optString(m, "parent_tool_use_id"),
                Fields.value(m, "tool_use_result"),
                Fields.bool(m, "isReplay"),
                Fields.bool(m, "isSynthetic"),
                Fields.optString(m, "timestamp"),
                Fields.optString(m, "subagent_type"),
                Fields.optString(m, "task_description"),
                Fields.optString(m, "agent_id"),
                origin(m.get("origin")),
                Fields.optString(m, "priority"),
                Fields.optBool(m, "shouldQuery"),
                Fields.bool(m, "client_composed"),
                Fields.objects(m, "tool_result_meta", ConversationMessageDecoder::toolResultMeta),
                envelope);
    }

    /** Decodes the {@code origin} of a user message or a result; empty unless it is an object with a {@code kind}. */
    static Optional<MessageOrigin> origin(JsonNode origin) {
        return origin != null && origin.isObject() && Fields.optString(origin, "kind").isPresent()
                ? Optional.of(new MessageOrigin(Fields.string(origin, "kind"), Fields.raw(origin)))
                : Optional.empty();
    }

    private static ToolResultMeta toolResultMeta(JsonNode meta) {
        JsonNode decision = Fields.object(meta, "permission_decision");
        return new ToolResultMeta(
                Fields.string(meta, "id"),
                Fields.optString(meta, "non_execution_kind"),
                Fields.optString(decision, "decision"),
                Fields.optString(decision, "source"),
                Fields.optString(decision, "reason_type"));
    }
}
