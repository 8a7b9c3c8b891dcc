package dev.claudecode.internal.session;

import dev.claudecode.transport.LaunchSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One planned start of a CLI: what to run, what its {@code initialize} request carries besides the
 * session's own fields, which values it is handed as secrets, and what to clean up once it has
 * read its configuration and once it has exited (private files on the machine where it runs).
 *
 * @param spec what to run
 * @param initialize fields added to the {@code initialize} request, as plain JSON values
 * @param secrets the values handed to the CLI as secrets, masked in what it reports
 * @param sdkServersAtStart the in-process MCP servers the CLI connects as it starts, before any message
 * @param afterHandshake runs once the {@code initialize} request is answered, or has failed; must not block
 * @param afterExit runs once the CLI has exited, or could not be started; must not block
 */
public record Launch(LaunchSpec spec, Map<String, Object> initialize, Set<String> secrets, Set<String> sdkServersAtStart,
        Runnable afterHandshake, Runnable afterExit) {

    /** Checks and copies the components. */
    public Launch {
        Objects.requireNonNull(spec, "spec");
        initialize = Collections.unmodifiableMap(new LinkedHashMap<>(initialize));
        secrets = Set.copyOf(secrets);
        sdkServersAtStart = Set.copyOf(sdkServersAtStart);
        Objects.requireNonNull(afterHandshake, "afterHandshake");
        Objects.requireNonNull(afterExit, "afterExit");
    }

    /**
     * A launch with nothing besides what to run.
     *
     * @param spec what to run
     * @return the launch
     */
    public static Launch of(LaunchSpec spec) {
        return new Launch(spec, Map.of(), Set.of(), Set.of(), () -> { }, () -> { });
    }

    /**
     * @param other what to run instead, such as the same spec with more variables
     * @return this launch with another spec
     */
    public Launch withSpec(LaunchSpec other) {
        return new Launch(other, initialize, secrets, sdkServersAtStart, afterHandshake, afterExit);
    }

    /** @return the launch with its secrets' values hidden: they must not reach a log */
    @Override
    public String toString() {
        return "Launch[spec=" + spec + ", initialize=" + initialize.keySet() + ", secrets=" + secrets.size() + "]";
    }
}
