package dev.claudecode.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer to {@link SessionControl#rewindFiles(String, boolean)}. A dry run says what a rewind would
 * change; a real rewind only reports that it happened.
 *
 * @param canRewind whether the files can be (or were) restored ({@code canRewind})
 * @param error why not, when they cannot
 * @param filesChanged the files a rewind changes, absolute paths; dry runs only ({@code filesChanged})
 * @param insertions lines a rewind adds back; dry runs only
 * @param deletions lines a rewind removes; dry runs only
 */
public record RewindResult(
        boolean canRewind,
        Optional<String> error,
        List<String> filesChanged,
        OptionalLong insertions,
        OptionalLong deletions) {

    /** Copies the components and replaces null ones with empty ones. */
    public RewindResult {
        Objects.requireNonNull(error, "error");
        filesChanged = List.copyOf(Objects.requireNonNull(filesChanged, "filesChanged"));
        Objects.requireNonNull(insertions, "insertions");
        Objects.requireNonNull(deletions, "deletions");
    }
}
