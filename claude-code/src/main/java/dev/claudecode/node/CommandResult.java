package dev.claudecode.node;

/**
 * What a command run on a {@link Node} did.
 *
 * @param exitStatus its exit status
 * @param stdout its standard output, decoded as UTF-8
 * @param stderr its standard error, decoded as UTF-8
 * @param truncated whether output beyond the capture limit was dropped
 */
public record CommandResult(int exitStatus, String stdout, String stderr, boolean truncated) {

    /** {@return whether the exit status is 0} */
    public boolean succeeded() {
        return exitStatus == 0;
    }
}
