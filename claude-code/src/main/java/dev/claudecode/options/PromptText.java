package dev.claudecode.options;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The text of a system prompt option ({@code ClaudeCodeOptions.systemPrompt} or
 * {@code appendSystemPrompt}): either {@link Inline given here}, or {@link FromFile read by the CLI}
 * from a file. Inline text travels in the {@code initialize} control request, which has no size
 * limit; a file is named on the command line ({@code --system-prompt-file},
 * {@code --append-system-prompt-file}) and read by the CLI, possibly on another machine.
 */
public sealed interface PromptText permits PromptText.Inline, PromptText.FromFile {

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
