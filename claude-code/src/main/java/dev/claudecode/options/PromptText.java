package dev.claudecode.options;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The text of a system prompt option ({@code ClaudeCodeOptions.systemPrompt} or
 * {@code appendSystemPrompt}): either {@link Inline given here}, {@link Blocks given here as
 * blocks} (system prompt only), or {@link FromFile read by the CLI} from a file. Text given here
 * travels in the {@code initialize} control request ({@code systemPrompt}, an array of strings, and
 * {@code appendSystemPrompt}), which has no size limit; a file is named on the command line
 * ({@code --system-prompt-file}, {@code --append-system-prompt-file}) and read by the CLI, possibly
 * on another machine.
 */
public sealed interface PromptText permits PromptText.Inline, PromptText.Blocks, PromptText.FromFile {

    /**
     * The block of a {@link Blocks} prompt that marks where the static part ends: the blocks
     * before it may be cached across sessions, those after it are specific to this session. CLI
     * 2.1.332 removes the marker and joins the blocks; CLI 2.1.197 does not know it and sends it to
     * the model as text.
     */
    String DYNAMIC_BOUNDARY = "__SYSTEM_PROMPT_DYNAMIC_BOUNDARY__";

    /**
     * Prompt text given here.
     *
     * @param text the text
     * @return that prompt text
     */
    static PromptText inline(String text) {
        return new Inline(text);
    }

    /**
     * A system prompt given as blocks, e.g. {@code blocks(rules, PromptText.DYNAMIC_BOUNDARY, context)}.
     *
     * @param blocks the blocks in order, at least one; {@link #DYNAMIC_BOUNDARY} as a block of its own
     *     marks the end of the part that can be cached across sessions
     * @return that prompt text
     */
    static PromptText blocks(String... blocks) {
        return new Blocks(List.of(blocks));
    }

    /**
     * A system prompt given as blocks.
     *
     * @param blocks the blocks in order, at least one
     * @return that prompt text
     */
    static PromptText blocks(List<String> blocks) {
        return new Blocks(blocks);
    }

    /**
     * Prompt text the CLI reads from a file.
     *
     * @param path the file, resolved by the CLI against its working directory
     * @return prompt text read from that file
     */
    static PromptText file(Path path) {
        return new FromFile(path);
    }

    /**
     * Prompt text given here.
     *
     * @param text the text
     */
    record Inline(String text) implements PromptText {

        /**
         * Checks the value.
         *
         * @param text the text
         */
        public Inline {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A system prompt given here as blocks, sent as the {@code systemPrompt} array of the
     * {@code initialize} request; only a system prompt, not an appended one, takes blocks.
     *
     * @param blocks the blocks in order, at least one
     */
    record Blocks(List<String> blocks) implements PromptText {

        /**
         * Checks and copies the blocks.
         *
         * @param blocks the blocks, at least one, none null
         */
        public Blocks {
            blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
            if (blocks.isEmpty()) {
                throw new IllegalArgumentException("a system prompt given as blocks needs at least one block");
            }
        }
    }

    /**
     * Prompt text the CLI reads from a file.
     *
     * @param path the file, resolved by the CLI against its working directory
     */
    record FromFile(Path path) implements PromptText {

        /**
         * Checks the value.
         *
         * @param path the file
         */
        public FromFile {
            Objects.requireNonNull(path, "path");
        }
    }
}
