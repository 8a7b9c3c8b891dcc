package dev.claudecode.internal.protocol;

import dev.claudecode.message.Envelope;
import dev.claudecode.message.ResultMessage;
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
                envelope);
    }
}
