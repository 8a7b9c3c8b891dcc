package dev.claudecode.internal.protocol;

import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Envelope;
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
                envelope);
    }
}
