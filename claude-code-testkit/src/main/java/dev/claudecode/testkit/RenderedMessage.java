package dev.claudecode.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link MessageReply} made concrete for one request (message id, model, tool use ids), in the
 * two shapes the API answers with: one JSON message, or the SSE events that stream it.
 */
final class RenderedMessage {

    private final MessageReply reply;
    private final String id;
    private final String model;
    private final List<Map<String, Object>> content;

    /**
     * Renders a reply.
     *
     * @param reply the scripted reply
     * @param id the message id, e.g. {@code msg_fake_3}
     * @param model the model to report when the reply names none
     * @param toolUseIds supplies ids for tool uses without one
     */
    RenderedMessage(MessageReply reply, String id, String model, Supplier<String> toolUseIds) {
        this.reply = reply;
        this.id = id;
        this.model = reply.model().orElse(model);
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (ReplyBlock block : reply.blocks()) {
            blocks.add(switch (block) {
                case ReplyBlock.Text text -> map("type", "text", "text", text.text());
                case ReplyBlock.Thinking thinking ->
                        map("type", "thinking", "thinking", thinking.thinking(), "signature", thinking.signature());
                case ReplyBlock.RedactedThinking redacted -> map("type", "redacted_thinking", "data", redacted.data());
                case ReplyBlock.ToolUse use -> map("type", "tool_use", "id", use.id().orElseGet(toolUseIds),
                        "name", use.name(), "input", use.input());
            });
        }
        this.content = List.copyOf(blocks);
    }

    /** @return the whole message, as a non-streaming response body */
    Map<String, Object> toJson() {
        Map<String, Object> message = envelope(content, reply.effectiveStopReason());
        message.put("usage", usage(reply.usage().outputTokens()));
        return message;
    }

    /** @return the SSE events that stream the message, cut short by a scripted stream error */
    List<SseEvent> events() {
        List<SseEvent> events = new ArrayList<>();
        Map<String, Object> start = envelope(List.of(), null);
        // like the API, message_start reports one output token; the real count comes in message_delta
        start.put("usage", usage(1));
        events.add(event("message_start", "message", start));
        events.add(new SseEvent("ping", map("type", "ping")));
        for (int index = 0; index < content.size(); index++) {
            addBlockEvents(events, index, content.get(index));
        }
        events.add(event("message_delta",
                "delta", map("stop_reason", reply.effectiveStopReason(), "stop_sequence", null),
                "usage", map("output_tokens", reply.usage().outputTokens())));
        events.add(new SseEvent("message_stop", map("type", "message_stop")));
        return reply.streamError().map(error -> cut(events, error)).orElse(events);
    }

    private void addBlockEvents(List<SseEvent> events, int index, Map<String, Object> block) {
        String type = (String) block.get("type");
        Map<String, Object> empty = switch (type) {
            case "text" -> map("type", "text", "text", "");
            case "thinking" -> map("type", "thinking", "thinking", "", "signature", "");
            case "tool_use" -> map("type", "tool_use", "id", block.get("id"), "name", block.get("name"), "input", Map.of());
            default -> block;
        };
        events.add(event("content_block_start", "index", index, "content_block", empty));
        switch (type) {
            case "text" -> {
                for (String chunk : chunks((String) block.get("text"), reply.textChunkSize())) {
                    events.add(delta(index, map("type", "text_delta", "text", chunk)));
                }
            }
            case "thinking" -> {
                for (String chunk : chunks((String) block.get("thinking"), reply.textChunkSize())) {
                    events.add(delta(index, map("type", "thinking_delta", "thinking", chunk)));
                }
                events.add(delta(index, map("type", "signature_delta", "signature", block.get("signature"))));
            }
            case "tool_use" -> {
                for (String chunk : chunks(TestkitJson.write(block.get("input")), reply.jsonChunkSize())) {
                    events.add(delta(index, map("type", "input_json_delta", "partial_json", chunk)));
                }
            }
            default -> {
                // redacted thinking arrives whole in content_block_start
            }
        }
        events.add(event("content_block_stop", "index", index));
    }

    private static List<SseEvent> cut(List<SseEvent> events, MessageReply.StreamError error) {
        List<SseEvent> kept = new ArrayList<>(events.subList(0, Math.min(error.afterEvents(), events.size())));
        kept.add(event("error", "error", map("type", error.type(), "message", error.message())));
        return kept;
    }

    private Map<String, Object> envelope(List<Map<String, Object>> blocks, String stopReason) {
        return map("id", id, "type", "message", "role", "assistant", "model", model, "content", blocks,
                "stop_reason", stopReason, "stop_sequence", null);
    }

    private Map<String, Object> usage(long outputTokens) {
        Usage usage = reply.usage();
        return map("input_tokens", usage.inputTokens(),
                "cache_creation_input_tokens", usage.cacheCreationInputTokens(),
                "cache_read_input_tokens", usage.cacheReadInputTokens(),
                "output_tokens", outputTokens);
    }

    private static SseEvent delta(int index, Map<String, Object> delta) {
        return event("content_block_delta", "index", index, "delta", delta);
    }

    /** An event whose data starts with {@code "type": name}, followed by the given pairs. */
    private static SseEvent event(String name, Object... pairs) {
        Map<String, Object> data = map("type", name);
        data.putAll(map(pairs));
        return new SseEvent(name, data);
    }

    /** An insertion-ordered map that, unlike {@code Map.of}, keeps order and allows JSON nulls. */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Splits by code points so a chunk boundary never falls inside a surrogate pair. */
    static List<String> chunks(String text, int size) {
        if (size <= 0 || text.isEmpty()) {
            return List.of(text);
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.offsetByCodePoints(start, Math.min(size, text.codePointCount(start, text.length())));
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }
}
