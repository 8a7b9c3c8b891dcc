package dev.claudecode.internal.session;

import dev.claudecode.cli.CliVersionRange;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per version and JVM, when a session runs a CLI outside {@link CliVersionRange}. The
 * session goes on either way: the warning only says that the library was not tested with it.
 */
public final class UnsupportedVersionWarning {

    private static final Logger LOG = LoggerFactory.getLogger(UnsupportedVersionWarning.class);
    /** Versions already warned about; bounded by the few versions one JVM ever runs. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final int MAX_REMEMBERED = 64;

    private UnsupportedVersionWarning() {
    }

    /**
     * Logs a warning the first time an unsupported version is seen.
     *
     * @param version the version the CLI reported (its {@code claude_code_version})
     * @return the warning, when this call logged one
     */
    public static Optional<String> check(String version) {
        if (version == null || version.isBlank() || CliVersionRange.contains(version)) {
            return Optional.empty();
        }
        String key = version.strip();
        key = key.length() > 64 ? key.substring(0, 64) : key;
        if (WARNED.size() >= MAX_REMEMBERED || !WARNED.add(key)) {
            return Optional.empty();
        }
        String warning = "Claude Code CLI " + key + " is outside the versions this library supports ("
                + CliVersionRange.OLDEST + " to " + CliVersionRange.NEWEST + "); the session runs, untested against it";
        LOG.warn(warning);
        return Optional.of(warning);
    }
}
