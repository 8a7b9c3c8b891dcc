package dev.claudecode.internal.protocol;

import dev.claudecode.internal.json.Json;
import dev.claudecode.message.Envelope;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.message.stream.CitationsDelta;
import dev.claudecode.message.stream.ContentBlockDelta;
import dev.claudecode.message.stream.ContentBlockStart;
import dev.claudecode.message.stream.ContentBlockStop;
import dev.claudecode.message.stream.Delta;
import dev.claudecode.message.stream.InputJsonDelta;
import dev.claudecode.message.stream.MessageDelta;
import dev.claudecode.message.stream.MessageStart;
import dev.claudecode.message.stream.MessageStop;
import dev.claudecode.message.stream.SignatureDelta;
import dev.claudecode.message.stream.StreamEvent;
import dev.claudecode.message.stream.TextDelta;
import dev.claudecode.message.stream.ThinkingDelta;
import dev.claudecode.message.stream.UnknownDelta;
import dev.claudecode.message.stream.UnknownStreamEvent;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Decodes {@code "type":"stream_event"} messages: the raw SSE event under {@code event} and its deltas. */
final class StreamEventDecoder {

    private static final Map<String, Function<JsonNode, StreamEvent>> EVENTS = Map.of(
            MessageStart.TYPE, StreamEventDecoder::messageStart,
            ContentBlockStart.TYPE, StreamEventDecoder::contentBlockStart,
            ContentBlockDelta.TYPE, StreamEventDecoder::contentBlockDelta,
            ContentBlockStop.TYPE, e -> new ContentBlockStop(index(e)),
            MessageDelta.TYPE, StreamEventDecoder::messageDelta,
            MessageStop.TYPE, e -> new MessageStop());

    private static final Map<String, Function<JsonNode, Delta>> DELTAS = Map.of(
            TextDelta.TYPE, d -> new TextDelta(Fields.string(d, "text")),
            ThinkingDelta.TYPE, d -> new ThinkingDelta(Fields.string(d, "thinking")),
            SignatureDelta.TYPE, d -> new SignatureDelta(Fields.string(d, "signature")),
            InputJsonDelta.TYPE, d -> new InputJsonDelta(Fields.string(d, "partial_json")),
            CitationsDelta.TYPE, d -> new CitationsDelta(Fields.map(d, "citation")));

    private StreamEventDecoder() {
    }

    /** Decodes a stream_event message. */
    static StreamEventMessage decode(JsonNode m, Envelope envelope) {
        return new StreamEventMessage(
                event(Fields.object(m, "event")),
                Fields.optString(m, "parent_tool_use_id"),
                Fields.optLong(m, "ttft_ms"),
                Fields.optString(m, "api_message_id"),
                Fields.optString(m, "user_message_uuid"),
                Fields.strings(m, "user_message_uuids"),
                Fields.optString(m, "resume_reason"),
                envelope);
    }

    private static StreamEvent event(JsonNode event) {
        String type = Fields.string(event, "type");
        Function<JsonNode, StreamEvent> decoder = EVENTS.get(type);
        return decoder != null ? decoder.apply(event) : new UnknownStreamEvent(type, Json.lazyMap(event));
    }

    private static StreamEvent messageStart(JsonNode event) {
        JsonNode message = Fields.object(event, "message");
        return new MessageStart(
                Fields.string(message, "id"),
                Fields.string(message, "model"),
                UsageDecoder.usage(message.get("usage")));
    }

    private static StreamEvent contentBlockStart(JsonNode event) {
        return new ContentBlockStart(index(event), ContentBlockDecoder.decode(Fields.object(event, "content_block")));
    }

    private static StreamEvent contentBlockDelta(JsonNode event) {
        JsonNode delta = Fields.object(event, "delta");
        String type = Fields.string(delta, "type");
        Function<JsonNode, Delta> decoder = DELTAS.get(type);
        return new ContentBlockDelta(
                index(event), decoder != null ? decoder.apply(delta) : new UnknownDelta(type, Json.lazyMap(delta)));
    }

    private static StreamEvent messageDelta(JsonNode event) {
        JsonNode delta = Fields.object(event, "delta");
        return new MessageDelta(
                Fields.optString(delta, "stop_reason"),
                Fields.optString(delta, "stop_sequence"),
                UsageDecoder.usage(event.get("usage")));
    }

    /** The block index of an event, or -1 when it has none. */
    private static int index(JsonNode event) {
        return Fields.optInt(event, "index").orElse(-1);
    }
}
