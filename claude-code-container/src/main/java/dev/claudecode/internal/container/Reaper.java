package dev.claudecode.internal.container;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes, when the JVM exits, every container this JVM started and has not removed yet. One
 * shutdown hook serves every transport.
 */
public final class Reaper {

    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);
    private static final Reaper INSTANCE = new Reaper();

    private final Map<String, Engine> live = new ConcurrentHashMap<>();

    private Reaper() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeAll, "claude-code-container-reaper"));
    }

    /** @return the JVM's reaper */
    public static Reaper instance() {
        return INSTANCE;
    }

    /**
     * Remembers a container to remove at exit.
     *
     * @param id the container
     * @param engine its engine
     */
    public void track(String id, Engine engine) {
        live.put(id, engine);
    }

    /**
     * Forgets a container that is gone.
     *
     * @param id the container
     */
    public void forget(String id) {
        live.remove(id);
    }

    /** @return how many containers are tracked */
    public int size() {
        return live.size();
    }

    private void removeAll() {
        live.forEach((id, engine) -> {
            try {
                engine.remove(id);
            } catch (RuntimeException e) {
                LOG.warn("Could not remove container {} at exit: {}", id, e.toString());
            }
        });
    }
}
