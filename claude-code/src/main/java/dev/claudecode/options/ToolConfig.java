package dev.claudecode.options;

import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of built-in tools that the CLI otherwise hard-codes. The CLI reads it from its
 * environment: {@code CLAUDE_CODE_QUESTION_PREVIEW_FORMAT} for the preview format of the
 * {@code AskUserQuestion} tool (read by CLI 2.1.197 and 2.1.332).
 *
 * <pre>{@code
 * options.toolConfig(ToolConfig.askUserQuestionPreview(ToolConfig.PreviewFormat.HTML))
 * }</pre>
 *
 * @param askUserQuestionPreviewFormat the content format of the {@code preview} field of
 *     {@code AskUserQuestion} options, which the tool's description tells the model to write;
 *     empty keeps the CLI's default, markdown
 */
public record ToolConfig(Optional<PreviewFormat> askUserQuestionPreviewFormat) {

    /** The content format of an {@code AskUserQuestion} option preview. */
    public enum PreviewFormat {
        /** Markdown or ASCII, rendered in a monospace box: the CLI's default. */
        MARKDOWN("markdown"),
        /** Self-contained HTML fragments, for hosts that render web content. */
        HTML("html");

        private final String value;

        PreviewFormat(String value) {
            this.value = value;
        }

        /** {@return the value of {@code CLAUDE_CODE_QUESTION_PREVIEW_FORMAT}} */
        public String value() {
            return value;
        }
    }

    /**
     * Validates the component.
     *
     * @param askUserQuestionPreviewFormat the preview format, or empty
     */
    public ToolConfig {
        Objects.requireNonNull(askUserQuestionPreviewFormat, "askUserQuestionPreviewFormat");
    }

    /**
     * A configuration that sets the {@code AskUserQuestion} preview format.
     *
     * @param format the format
     * @return the configuration
     */
    public static ToolConfig askUserQuestionPreview(PreviewFormat format) {
        return new ToolConfig(Optional.of(Objects.requireNonNull(format, "format")));
    }
}
