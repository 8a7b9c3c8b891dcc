package dev.claudecode.internal.observe;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls observer code so that it cannot break the session: whatever it throws (short of the JVM
 * running out of memory or stack) is logged, the first time at warning level and then at debug
 * level, and the call counts as having returned nothing.
 */
final class Guard {

    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * Runs observer code.
     *
     * @param what the call, for the log
     * @param call the code
     */
    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Calls observer code.
     *
     * @param what the call, for the log
     * @param call the code
     * @param <T> what it returns
     * @return what it returned; null when it threw
     */
    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("a session observer failed in {}; the session goes on (later failures are logged at debug level)", what, e);
            } else {
                LOG.debug("a session observer failed in {}", what, e);
            }
            return null;
        }
    }
}
