package dev.claudecode.internal.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends, when the JVM exits, what this JVM started elsewhere and has not ended yet: the containers
 * and pods of remote CLI processes. {@link ProcessReaper} does the same for local processes.
 */
public final class ExitReaper {

    private static final Logger LOG = LoggerFactory.getLogger(ExitReaper.class);
    private static final Map<String, Runnable> LIVE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitReaper::reapAll, "claude-code-exit-reaper"));
    }

    private ExitReaper() {
    }

    /**
     * Remembers how to end something at exit.
     *
     * @param key what it is, unique, such as {@code container:<id>}
     * @param removal ends it; runs at most once, at exit, unless {@link #forget(String)} comes first
     */
    public static void track(String key, Runnable removal) {
        LIVE.put(key, removal);
    }

    /**
     * Forgets something that has ended.
     *
     * @param key what it is
     */
    public static void forget(String key) {
        LIVE.remove(key);
    }

    /** @return how many things are tracked */
    public static int size() {
        return LIVE.size();
    }

    private static void reapAll() {
        LIVE.forEach((key, removal) -> {
            try {
                removal.run();
            } catch (RuntimeException e) {
                LOG.warn("Could not end {} at exit: {}", key, e.toString());
            }
        });
    }
}
