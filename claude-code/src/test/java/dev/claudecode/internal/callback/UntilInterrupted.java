package dev.claudecode.internal.callback;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The body of a callback that hangs until it is interrupted, for tests of timeouts and
 * cancellation: it records that it started and that the interrupt reached it.
 */
public final class UntilInterrupted {

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);

    /**
     * Hangs for a minute unless interrupted first.
     *
     * @throws InterruptedException always, once interrupted
     */
    public void hang() throws InterruptedException {
        hang(() -> { });
    }

    /**
     * Hangs for a minute unless interrupted first.
     *
     * @param onInterrupt runs on the interrupt, before it is recorded (e.g. an assertion about the context)
     * @throws InterruptedException always, once interrupted
     */
    public void hang(Runnable onInterrupt) throws InterruptedException {
        started.countDown();
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            onInterrupt.run();
            interrupted.countDown();
            throw e;
        }
    }

    /** @return whether the callback started within 5 s */
    public boolean started() throws InterruptedException {
        return started.await(5, TimeUnit.SECONDS);
    }

    /** @return whether the interrupt reached the callback within 5 s */
    public boolean interrupted() throws InterruptedException {
        return interrupted.await(5, TimeUnit.SECONDS);
    }
}
