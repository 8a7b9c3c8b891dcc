package dev.claudecode.internal.ssh;

import java.util.Map;

/**
 * Turns what an SSH server reports about a finished command into one exit status, the way a
 * local {@link Process} reports it.
 */
public final class RemoteExit {

    /**
     * The status when the server reported neither an exit status nor a signal: the connection
     * was lost, so the command's fate is unknown. OpenSSH's {@code ssh} uses the same value.
     */
    public static final int UNKNOWN = 255;

    /** RFC 4254 signal names and their usual numbers. */
    private static final Map<String, Integer> SIGNALS = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
            Map.entry("ABRT", 6), Map.entry("FPE", 8), Map.entry("KILL", 9), Map.entry("USR1", 10),
            Map.entry("SEGV", 11), Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14),
            Map.entry("TERM", 15));

    private RemoteExit() {
    }

    /**
     * The exit status of a remote command.
     *
     * @param exitStatus the {@code exit-status} the server sent, or null
     * @param exitSignal the {@code exit-signal} name the server sent (such as {@code TERM}), or null
     * @return the status; a signal gives 128 plus its number, as shells and {@link Process} report it
     */
    public static int of(Integer exitStatus, String exitSignal) {
        if (exitStatus != null) {
            return exitStatus;
        }
        if (exitSignal != null) {
            Integer number = SIGNALS.get(exitSignal.startsWith("SIG") ? exitSignal.substring(3) : exitSignal);
            return number == null ? UNKNOWN : 128 + number;
        }
        return UNKNOWN;
    }
}
