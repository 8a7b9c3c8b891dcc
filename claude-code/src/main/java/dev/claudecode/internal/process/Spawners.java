package dev.claudecode.internal.process;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how local CLI processes are started. On Java 22 or newer, on Linux (x86-64 or AArch64,
 * glibc 2.34 or newer, kernel 5.3 or newer), with native access granted to this library ({@code
 * --enable-native-access=dev.claudecode} on the module path, {@code ALL-UNNAMED} on the class
 * path), the {@code epoll} spawner: {@code posix_spawn} through the Foreign Function &amp; Memory
 * API, non-blocking pipes, one poller thread for every process of the JVM. Everywhere else, and
 * when it cannot start, the JDK's {@link ProcessBuilder}, whose pipes need a platform thread each
 * to read.
 *
 * <p>The system property {@value #PROPERTY} overrides the choice: {@code jdk} always takes the
 * JDK's; {@code epoll} takes the epoll spawner even without native access granted (the JVM then
 * prints its warning about restricted methods once); {@code auto} is the default.
 */
public final class Spawners {

    /** The system property that chooses: {@code auto}, {@code epoll} or {@code jdk}. */
    public static final String PROPERTY = "claudecode.process.spawner";

    private static final Logger LOG = LoggerFactory.getLogger(Spawners.class);
    private static final String IMPLEMENTATION = "dev.claudecode.internal.process.EpollSpawner";
    private static volatile Optional<Spawner> chosen;

    private Spawners() {
    }

    /** @return the epoll spawner when it is chosen and works here; empty for the JDK's {@link ProcessBuilder} */
    public static Optional<Spawner> polled() {
        Optional<Spawner> spawner = chosen;
        if (spawner == null) {
            synchronized (Spawners.class) {
                spawner = chosen;
                if (spawner == null) {
                    spawner = choose(System.getProperty(PROPERTY, "auto").toLowerCase(Locale.ROOT));
                    chosen = spawner;
                }
            }
        }
        return spawner;
    }

    private static Optional<Spawner> choose(String choice) {
        if (choice.equals("jdk")) {
            return Optional.empty();
        }
        boolean forced = choice.equals("epoll");
        if (!forced && !choice.equals("auto")) {
            LOG.warn("{}={} is neither auto, epoll nor jdk; using auto", PROPERTY, choice);
        }
        if (Runtime.version().feature() < 22) {
            if (forced) {
                LOG.warn("{}=epoll needs Java 22 or newer; processes start through the JDK", PROPERTY);
            }
            return Optional.empty();
        }
        try {
            // compiled for Java 22 and loaded only there, so that this class runs on Java 21
            Class<?> type = Class.forName(IMPLEMENTATION);
            Spawner spawner = (Spawner) type.getMethod("create", boolean.class).invoke(null, forced);
            return Optional.ofNullable(spawner);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException target ? target.getCause() : e;
            if (forced) {
                LOG.warn("the epoll spawner cannot run here ({}); processes start through the JDK", String.valueOf(cause));
            } else {
                LOG.debug("the epoll spawner cannot run here ({}); processes start through the JDK", String.valueOf(cause));
            }
            return Optional.empty();
        }
    }
}
