package dev.claudecode.internal.session;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When a CLI last showed life, for the inactivity timeout: the last time bytes arrived on its
 * stdout or the library finished answering one of its requests, and whether the library is
 * answering one now (the CLI then waits for the library, so its silence is not its fault).
 */
public final class OutputClock {

    private volatile long lastSign = System.nanoTime();
    private final AtomicInteger answering = new AtomicInteger();

    /** @return the {@link System#nanoTime()} of the last sign of life */
    public long lastSign() {
        return lastSign;
    }

    /** @return whether the library is answering a request of the CLI right now */
    public boolean isAnswering() {
        return answering.get() > 0;
    }

    void tick() {
        lastSign = System.nanoTime();
    }

    void answerStarted() {
        answering.incrementAndGet();
    }

    void answerEnded() {
        tick();
        answering.decrementAndGet();
    }

    /**
     * Watches a stream for the clock.
     *
     * @param stdout the CLI's stdout
     * @return the same bytes; every read that returns some ticks the clock
     */
    InputStream watch(InputStream stdout) {
        return new FilterInputStream(stdout) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    tick();
                }
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int n = super.read(bytes, offset, length);
                if (n > 0) {
                    tick();
                }
                return n;
            }
        };
    }
}
