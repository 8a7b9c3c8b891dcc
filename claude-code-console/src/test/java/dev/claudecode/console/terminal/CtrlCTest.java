package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CtrlCTest {

    private final AtomicBoolean busy = new AtomicBoolean();
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final AtomicInteger quits = new AtomicInteger();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CtrlC key = new CtrlC(busy::get, interrupted::countDown, quits::incrementAndGet, said::add, now::get);

    @Test
    void duringATurnItInterruptsAndASecondPressSoonAfterQuits() throws InterruptedException {
        busy.set(true);
        key.pressed();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(quits).hasValue(0);
        assertThat(said).containsExactly("· Ctrl-C: interrupting the turn (press it again to quit)");

        now.addAndGet(CtrlC.AGAIN.toNanos() - 1);
        key.pressed();
        assertThat(quits).hasValue(1);
    }

    @Test
    void betweenTurnsOnePressSaysHowToQuitAndTwoQuit() {
        key.pressed();
        assertThat(said).containsExactly("· press Ctrl-C again to quit");
        assertThat(quits).hasValue(0);

        // too late: counted as a first press again
        now.addAndGet(CtrlC.AGAIN.toNanos() + 1);
        key.pressed();
        assertThat(quits).hasValue(0);

        now.addAndGet(CtrlC.AGAIN.toNanos() / 2);
        key.pressed();
        assertThat(quits).hasValue(1);
        assertThat(interrupted.getCount()).as("nothing ran, nothing was interrupted").isEqualTo(1);
    }
}
