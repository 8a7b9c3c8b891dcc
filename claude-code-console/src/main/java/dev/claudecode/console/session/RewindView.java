package dev.claudecode.console.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What rewinding files did, or would do.
 *
 * @param canRewind whether the files can be rewound to that message
 * @param filesChanged the files that change
 * @param insertions lines added back
 * @param deletions lines removed
 * @param error why the files cannot be rewound
 */
public record RewindView(boolean canRewind, List<String> filesChanged, int insertions, int deletions, Optional<String> error) {

    /** Checks and copies the components. */
    public RewindView {
        filesChanged = List.copyOf(filesChanged);
        Objects.requireNonNull(error, "error");
    }
}
