package dev.claudecode.content;

import java.util.List;
import java.util.Objects;

/**
 * The content of a tool result, which the wire allows in two shapes: a plain string, or a list of
 * content blocks (text, images, documents). Which shape was used is kept, so a result can be sent
 * back exactly as it came.
 */
public sealed interface ToolResultContent permits ToolResultContent.Text, ToolResultContent.Blocks {

    /**
     * Content given as a plain string.
     *
     * @param text the string
     * @return the content
     */
    static ToolResultContent text(String text) {
        return new Text(text);
    }

    /**
     * Content given as content blocks.
     *
     * @param blocks the blocks
     * @return the content
     */
    static ToolResultContent blocks(List<? extends ContentBlock> blocks) {
        return new Blocks(List.copyOf(blocks));
    }

    /**
     * The text of this content: the string itself, or the text of all {@link TextBlock}s joined
     * without a separator.
     *
     * @return the text, possibly empty
     */
    String asText();

    /**
     * This content as blocks: a string becomes one {@link TextBlock}.
     *
     * @return the blocks, unmodifiable
     */
    List<ContentBlock> asBlocks();

    /**
     * Tool result content that was a plain string.
     *
     * @param text the string
     */
    record Text(String text) implements ToolResultContent {

        /** Validates the component. */
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String asText() {
            return text;
        }

        @Override
        public List<ContentBlock> asBlocks() {
            return List.of(TextBlock.of(text));
        }
    }

    /**
     * Tool result content that was a list of content blocks.
     *
     * @param blocks the blocks
     */
    record Blocks(List<ContentBlock> blocks) implements ToolResultContent {

        /** Validates and copies the component. */
        public Blocks {
            blocks = List.copyOf(blocks);
        }

        @Override
        public String asText() {
            return ContentBlocks.text(blocks);
        }

        @Override
        public List<ContentBlock> asBlocks() {
            return blocks;
        }
    }
}
