package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    @Test
    void failsAFutureThatIsNotCompletedInTime() {
        CompletableFuture<String> future = Deadlines.failAfter(new CompletableFuture<>(), Duration.ofMillis(50),
                () -> new IllegalStateException("too late"));

        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("too late");
    }

    @Test
    void anEarlierDeadlineFiresWhileTheSweeperWaitsForALaterOne() throws Exception {
        CompletableFuture<String> late = Deadlines.failAfter(new CompletableFuture<>(), Duration.ofMinutes(10),
                () -> new IllegalStateException("late"));
        Thread.sleep(50); // the sweeper now sleeps until the ten minutes are up
        CompletableFuture<String> soon = Deadlines.failAfter(new CompletableFuture<>(), Duration.ofMillis(50),
                () -> new IllegalStateException("soon"));

        assertThatThrownBy(() -> soon.get(10, TimeUnit.SECONDS)).cause().hasMessage("soon");
        assertThat(late).isNotDone();
        late.complete("answered");
    }

    @Test
    void aFutureCompletedInTimeKeepsItsValueAndLeavesNothingBehind() throws Exception {
        int before = Deadlines.pending();
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            futures.add(Deadlines.failAfter(new CompletableFuture<>(), Duration.ofMinutes(10), IllegalStateException::new));
        }
        assertThat(Deadlines.pending()).isGreaterThanOrEqualTo(before + 1_000);
        for (int i = 0; i < futures.size(); i++) {
            futures.get(i).complete(i);
        }

        assertThat(Deadlines.pending()).isEqualTo(before);
        assertThat(futures.get(999).get()).isEqualTo(999);
    }

    @Test
    void aFutureAlreadyCompletedIsNotWatched() {
        int before = Deadlines.pending();
        CompletableFuture<String> done = Deadlines.failAfter(CompletableFuture.completedFuture("x"), Duration.ZERO,
                IllegalStateException::new);

        assertThat(done).isCompletedWithValue("x");
        assertThat(Deadlines.pending()).isEqualTo(before);
    }
}
