package dev.claudecode.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ExitWaitTest {

    @Test
    void anExitedProcessHasExited() {
        assertThat(ExitWait.await(CompletableFuture.completedFuture(0), () -> false, Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aProcessThatOutlivesTheTimeoutHasNotExited() {
        assertThat(ExitWait.await(new CompletableFuture<>(), () -> true, Duration.ofMillis(20))).isFalse();
    }

    @Test
    void aFailedExitFutureAsksTheProcess() {
        CompletableFuture<Integer> failed = CompletableFuture.failedFuture(new IllegalStateException("lost"));

        assertThat(ExitWait.await(failed, () -> false, Duration.ofSeconds(1))).isTrue();
        assertThat(ExitWait.await(failed, () -> true, Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void anInterruptEndsTheWaitAtOnceAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            long started = System.nanoTime();
            assertThat(ExitWait.await(new CompletableFuture<>(), () -> true, Duration.ofMinutes(1))).isFalse();
            assertThat(ExitWait.await(new CompletableFuture<>(), () -> false, Duration.ofMinutes(1))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
