package dev.claudecode.control;

import java.util.Objects;

/**
 * The end of a background shell or Monitor task's output: the answer to
 * {@link SessionControl#taskOutput(String)} ({@code get_task_output}, introduced after CLI 2.1.197).
 * The text is what the command printed, escape sequences included: show it as plain text.
 *
 * @param output the end of the output, decoded as UTF-8 ({@code output}); empty when nothing was written yet
 * @param totalBytes the size of the whole output in bytes ({@code total_bytes})
 * @param truncated whether {@code output} holds only the last 8 KiB of a longer output ({@code truncated})
 */
public record TaskOutput(String output, long totalBytes, boolean truncated) {

    /** Validates the components. */
    public TaskOutput {
        Objects.requireNonNull(output, "output");
    }
}
