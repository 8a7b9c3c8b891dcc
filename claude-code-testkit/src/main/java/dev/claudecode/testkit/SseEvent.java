package dev.claudecode.testkit;

import java.util.Map;

/**
 * One server-sent event of a streamed message.
 *
 * @param name the {@code event:} name, e.g. {@code content_block_delta}
 * @param data the {@code data:} payload, written as JSON
 */
record SseEvent(String name, Map<String, Object> data) {
}
