package dev.claudecode.content;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A block of plain text ({@code "type":"text"}).
 *
 * @param text the text
 * @param citations the citations the model attached to this text, each as the plain JSON object the
 *     API sent; empty when there are none
 */
public record TextBlock(String text, List<Map<String, Object>> citations) implements ContentBlock {

    /** The wire type of this block. */
    public static final String TYPE = "text";

    /** Validates and copies the components. */
    public TextBlock {
        Objects.requireNonNull(text, "text");
        citations = Objects.requireNonNull(citations, "citations").stream().map(JsonValues::copyMap).toList();
    }

    /**
     * Creates a text block without citations, for example to send as user input.
     *
     * @param text the text
     * @return the block
     */
    public static TextBlock of(String text) {
        return new TextBlock(text, List.of());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
