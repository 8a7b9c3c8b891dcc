package dev.claudecode;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.transport.LocalTransport;
import dev.claudecode.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spares of this JVM waiting to be claimed, oldest first. A start looks here before it
 * launches a CLI; the JVM's exit stops whatever is left.
 */
final class SpareShelf {

    private static final List<Spare> SPARES = new ArrayList<>();
    private static boolean exitHookAdded;

    private SpareShelf() {
    }

    /**
     * Where a transport's spares match: every local transport runs CLIs on this machine alike;
     * any other matches only itself.
     */
    static Object key(Transport transport) {
        return transport instanceof LocalTransport ? LocalTransport.class : transport;
    }

    static synchronized void add(Spare spare) {
        if (!exitHookAdded) {
            exitHookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(SpareShelf::closeAll, "claude-code-spares-exit"));
        }
        SPARES.add(spare);
    }

    static synchronized void remove(Spare spare) {
        SPARES.remove(spare);
    }

    /**
     * Takes the oldest spare for these options and transport whose CLI still runs.
     *
     * @return its session, or empty when there is none
     */
    static Optional<Session> claim(ClaudeCodeOptions options, Transport transport) {
        Object key = key(transport);
        while (true) {
            Spare candidate;
            synchronized (SpareShelf.class) {
                candidate = SPARES.stream().filter(spare -> spare.matches(options, key)).findFirst().orElse(null);
                if (candidate == null) {
                    return Optional.empty();
                }
                SPARES.remove(candidate);
            }
            // outside the lock: a spare whose CLI ended is stopped here, which may take a moment
            Optional<Session> session = candidate.claim();
            if (session.isPresent()) {
                return session;
            }
        }
    }

    private static void closeAll() {
        List<Spare> left;
        synchronized (SpareShelf.class) {
            left = List.copyOf(SPARES);
        }
        left.forEach(Spare::close);
    }
}
