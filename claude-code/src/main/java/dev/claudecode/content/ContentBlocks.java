package dev.claudecode.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Helpers over lists of content blocks. */
public final class ContentBlocks {

    private ContentBlocks() {
    }

    /**
     * Joins the text of all {@link TextBlock}s, without a separator, in order.
     *
     * @param blocks the blocks
     * @return the text, empty when there is no text block
     */
    public static String text(List<? extends ContentBlock> blocks) {
        StringBuilder text = new StringBuilder();
        for (ContentBlock block : blocks) {
            if (block instanceof TextBlock t) {
                text.append(t.text());
            }
        }
        return text.toString();
    }

    /**
     * Selects the blocks of one type.
     *
     * @param blocks the blocks
     * @param type the block class, such as {@code ToolUseBlock.class}
     * @param <T> the block type
     * @return the matching blocks in order, unmodifiable
     */
    public static <T extends ContentBlock> List<T> ofType(List<? extends ContentBlock> blocks, Class<T> type) {
        List<T> selected = new ArrayList<>();
        for (ContentBlock block : blocks) {
            if (type.isInstance(block)) {
                selected.add(type.cast(block));
            }
        }
        return Collections.unmodifiableList(selected);
    }
}
