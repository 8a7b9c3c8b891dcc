package dev.claudecode.internal.protocol;

import dev.claudecode.message.Envelope;
import dev.claudecode.message.ResultMessage;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Decodes {@code "type":"result"} messages, success and error subtypes alike. */
final class ResultMessageDecoder {

    private ResultMessageDecoder() {
    }

    /** Decodes a result; fields an error subtype lacks ({@code result}, {@code ttft_ms}) stay empty. */
    static ResultMessage decode(JsonNode m, Envelope envelope) {
        return new ResultMessage(
                Fields.string(m, "subtype"),
                Fields.bool(m, "is_error"),
                Fields.longValue(m, "duration_ms"),
                Fields.longValue(m, "duration_api_ms"),
                Fields.intValue(m, "num_turns"),
                Fields.optString(m, "result"),
                Fields.optString(m, "stop_reason"),
                Fields.doubleValue(m, "total_cost_usd"),
                UsageDecoder.usage(m.get("usage")),
                UsageDecoder.modelUsage(m.get("modelUsage")),
                UsageDecoder.permissionDenials(m),
                Fields.strings(m, "errors"),
                Fields.value(m, "structured_output"),
                Fields.optInt(m, "api_error_status"),
                Fields.optString(m, "terminal_reason"),
                Fields.optString(m, "fast_mode_state"),
                Fields.optLong(m, "ttft_ms"),
                Fields.optLong(m, "ttft_stream_ms"),
                Fields.optLong(m, "time_to_request_ms"),
                Fields.optString(m, "api_error_type"),
                Fields.optString(m, "fast_mode_disabled_reason"),
                Fields.optInt(m, "queued_turn_count"),
                Fields.optInt(m, "result_index"),
                Fields.optString(m, "resume_reason"),
                Fields.optString(m, "user_message_uuid"),
                Fields.strings(m, "user_message_uuids"),
                Fields.optString(m, "local_command"),
                Fields.optString(m, "startup_failure_reason"),
                invalidConfigFile(m.get("invalid_config_file")),
                Fields.optString(m, "credential_expires_at"),
                deferredToolUse(m.get("deferred_tool_use")),
                ConversationMessageDecoder.origin(m.get("origin")),
                UsageDecoder.modelUsage(m.get("model_usage_since_last_result")),
                envelope);
    }

    private static Optional<ResultMessage.InvalidConfigFile> invalidConfigFile(JsonNode file) {
        return file != null && file.isObject()
                ? Optional.of(new ResultMessage.InvalidConfigFile(
                        Fields.string(file, "path"),
                        Fields.bool(file, "is_global"),
                        Fields.bool(file, "backup_searched"),
                        Fields.optString(file, "backup_path")))
                : Optional.empty();
    }

    private static Optional<ResultMessage.DeferredToolUse> deferredToolUse(JsonNode use) {
        return use != null && use.isObject()
                ? Optional.of(new ResultMessage.DeferredToolUse(
                        Fields.string(use, "id"), Fields.string(use, "name"), Fields.map(use, "input")))
                : Optional.empty();
    }
}
