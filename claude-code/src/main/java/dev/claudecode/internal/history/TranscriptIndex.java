package dev.claudecode.internal.history;

import java.util.List;

/**
 * The result of one pass over a transcript: the records that can form a conversation, in file
 * order, and the bookkeeping around them.
 *
 * @param entries records of type user, assistant, system, attachment or progress that have a uuid
 * @param lastPromptLeaf the {@code leafUuid} of the last {@code last-prompt} record, or {@code null}
 * @param lastPromptLine the line of that record, or -1
 * @param lines how many non-blank lines the file had
 * @param malformedLines how many of them were not a JSON object and were skipped
 */
public record TranscriptIndex(
        List<TranscriptEntry> entries, String lastPromptLeaf, int lastPromptLine, int lines, int malformedLines) {
}
