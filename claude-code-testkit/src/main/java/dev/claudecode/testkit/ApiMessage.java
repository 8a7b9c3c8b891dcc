package dev.claudecode.testkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One entry of a request's {@code messages} array. A string {@code content} is turned into one
 * text block, so {@link #content()} is always a list of blocks.
 *
 * @param role {@code user}, {@code assistant}, or {@code system} (the CLI sends mid-conversation
 *     system messages)
 * @param content the content blocks as plain JSON maps, each with a {@code type}
 */
public record ApiMessage(String role, List<Map<String, Object>> content) {

    /** Copies the blocks. */
    public ApiMessage {
        Objects.requireNonNull(role, "role");
        content = List.copyOf(content);
    }

    /**
     * The blocks of one type.
     *
     * @param type e.g. {@code text}, {@code tool_use}, {@code tool_result}
     * @return the matching blocks, in order
     */
    public List<Map<String, Object>> blocks(String type) {
        return content.stream().filter(block -> type.equals(block.get("type"))).toList();
    }

    /**
     * The text of all text blocks, joined by newlines.
     *
     * @return the text, empty when there is none
     */
    public String text() {
        return blocks("text").stream()
                .map(block -> block.get("text"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .collect(Collectors.joining("\n"));
    }
}
