package dev.claudecode.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    private final SerialExecutor executor = new SerialExecutor("test-serial");

    @Test
    void runOrExecuteRunsOnTheCallingThreadWhenIdle() {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();

        executor.runOrExecute(() -> ranOn.add(Thread.currentThread()));

        assertThat(ranOn).containsExactly(Thread.currentThread());
    }

    @Test
    void runOrExecuteWaitsItsTurnWhileAnotherTaskRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);
        List<String> order = new CopyOnWriteArrayList<>();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        executor.execute(() -> {
            await(release);
            order.add("first");
            done.countDown();
        });

        executor.runOrExecute(() -> {
            order.add("second");
            ranOn.add(Thread.currentThread());
            done.countDown();
        });
        assertThat(order).isEmpty(); // queued, not run here
        release.countDown();

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("first", "second");
        assertThat(ranOn).doesNotContain(Thread.currentThread());
    }

    @Test
    void tasksQueuedDuringAnInlineTaskRunAfterItOnAThreadOfTheirOwn() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();

        executor.runOrExecute(() -> {
            executor.execute(() -> {
                order.add("queued");
                ranOn.add(Thread.currentThread());
                done.countDown();
            });
            order.add("inline");
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("inline", "queued");
        assertThat(ranOn).doesNotContain(Thread.currentThread());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
