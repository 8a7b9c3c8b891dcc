package dev.claudecode.cli;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Claude Code CLI versions this library supports: every version from {@link #OLDEST} to
 * {@link #NEWEST}, both recorded and tested (the recordings are in the project's
 * {@code protocol/<version>/}, and the integration tests run against both ends). The managed
 * install's default version is the newest ({@link dev.claudecode.ClaudeCode#cliVersion()}).
 *
 * <p>A CLI outside the range still runs: a session logs a warning the first time it meets that
 * version, and refuses nothing. Features that need a newer CLI than the one that runs are the
 * caller's to avoid.
 */
public final class CliVersionRange {

    /** The oldest supported CLI version. */
    public static final String OLDEST = "2.1.197";
    /** The newest supported CLI version, the one the managed install installs by default. */
    public static final String NEWEST = "2.1.332";

    private static final Pattern NUMERIC = Pattern.compile("^\\s*(\\d+)\\.(\\d+)\\.(\\d+)(?![.\\d])");

    private CliVersionRange() {
    }

    /**
     * Whether a version is in the supported range.
     *
     * @param version a version as the CLI reports it, e.g. {@code 2.1.332} or {@code 2.1.332 (Claude Code)}
     * @return true when it is at least {@link #OLDEST} and at most {@link #NEWEST}; false when it is
     *     outside or cannot be read
     */
    public static boolean contains(String version) {
        return parse(version).map(v -> compare(v, parse(OLDEST).orElseThrow()) >= 0
                && compare(v, parse(NEWEST).orElseThrow()) <= 0).orElse(false);
    }

    /**
     * Compares two versions by their numeric {@code major.minor.patch}.
     *
     * @param a a version, e.g. {@code 2.1.197}
     * @param b another version
     * @return negative, zero or positive as {@code a} is older than, the same as or newer than {@code b}
     * @throws IllegalArgumentException when either is not a {@code major.minor.patch} version
     */
    public static int compare(String a, String b) {
        return compare(parse(a).orElseThrow(() -> new IllegalArgumentException("not a version: " + a)),
                parse(b).orElseThrow(() -> new IllegalArgumentException("not a version: " + b)));
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static Optional<int[]> parse(String version) {
        if (version == null) {
            return Optional.empty();
        }
        Matcher m = NUMERIC.matcher(version);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
