package dev.claudecode.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.internal.json.Json;
import dev.claudecode.message.Envelope;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.UnknownMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TurnTest {

    private final Turn turn = new Turn(Json.object());
    private final BlockingQueue<Turn.Item> taken = new LinkedBlockingQueue<>();
    private Thread consumer;

    @AfterEach
    void stopConsumer() throws InterruptedException {
        if (consumer != null) {
            consumer.interrupt();
            consumer.join(5_000);
        }
    }

    @Test
    void aMessageWaitsForTheReaderToCatchUpBeforeTheConsumerIsWoken() throws Exception {
        startConsumer();
        awaitWaiting();

        turn.deliver(message(1));
        Thread.sleep(100);
        assertThat(taken).isEmpty();
        assertThat(consumer.getState()).isEqualTo(Thread.State.WAITING);

        turn.handOver();
        assertThat(taken.poll(10, TimeUnit.SECONDS)).isEqualTo(new Turn.Delivered(message(1)));
    }

    @Test
    void aWaitingConsumerIsWokenForAFullBatchWithoutTheReaderCatchingUp() throws Exception {
        startConsumer();
        awaitWaiting();

        for (int i = 0; i < Turn.HANDOVER_BATCH; i++) {
            turn.deliver(message(i));
        }

        for (int i = 0; i < Turn.HANDOVER_BATCH; i++) {
            assertThat(taken.poll(10, TimeUnit.SECONDS)).isEqualTo(new Turn.Delivered(message(i)));
        }
    }

    @Test
    void theResultIsHandedOverAtOnceAndEndsTheTurn() throws Exception {
        startConsumer();
        awaitWaiting();
        ResultMessage result = ResultMessage.builder().result("done").build();

        turn.deliver(message(1));
        turn.deliver(result);

        assertThat(taken.poll(10, TimeUnit.SECONDS)).isEqualTo(new Turn.Delivered(message(1)));
        assertThat(taken.poll(10, TimeUnit.SECONDS)).isEqualTo(new Turn.Delivered(result));
        assertThat(taken.poll(10, TimeUnit.SECONDS)).isInstanceOf(Turn.Ended.class);
        assertThat(turn.state()).isEqualTo(Turn.State.DONE);
    }

    @Test
    void aConsumerThatHasTheResultFindsTheTurnOver() throws Exception {
        BlockingQueue<Turn.State> stateAtResult = new LinkedBlockingQueue<>();
        consumer = Thread.ofPlatform().daemon().start(() -> {
            try {
                if (turn.next(null).orElseThrow() instanceof Turn.Delivered d && d.message() instanceof ResultMessage) {
                    stateAtResult.add(turn.state());
                }
            } catch (InterruptedException e) {
                // done
            }
        });
        awaitWaiting();

        turn.deliver(ResultMessage.builder().result("done").build());

        assertThat(stateAtResult.poll(10, TimeUnit.SECONDS)).isEqualTo(Turn.State.DONE);
    }

    @Test
    void aFailureIsHandedOverAtOnce() throws Exception {
        startConsumer();
        awaitWaiting();

        turn.fail(new IllegalStateException("gone"));

        assertThat(taken.poll(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(Turn.Failed.class,
                failed -> assertThat(failed.error()).hasMessage("gone"));
    }

    @Test
    void aTimedWaitTakesWhatArrivedEvenIfItWasNotHandedOver() throws Exception {
        turn.deliver(message(7));
        assertThat(turn.next(Duration.ofMillis(1))).contains(new Turn.Delivered(message(7)));
        assertThat(turn.next(Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void whatArrivedTogetherIsTakenInOneGoAndHandedOutInOrder() throws Exception {
        for (int i = 0; i < 5; i++) {
            turn.deliver(message(i));
        }
        assertThat(turn.next(Duration.ofMillis(1))).contains(new Turn.Delivered(message(0)));
        turn.deliver(message(5));

        for (int i = 1; i <= 5; i++) {
            assertThat(turn.next(Duration.ofMillis(1))).contains(new Turn.Delivered(message(i)));
        }
        assertThat(turn.next(Duration.ofMillis(20))).isEmpty();
    }

    @Test
    void abandoningDropsWhatTheConsumerTookButHasNotHandedOut() throws Exception {
        for (int i = 0; i < 3; i++) {
            turn.deliver(message(i));
        }
        assertThat(turn.next(Duration.ofMillis(1))).contains(new Turn.Delivered(message(0)));

        turn.abandon();
        turn.deliver(message(3));

        assertThat(turn.next(Duration.ofMillis(1))).contains(new Turn.Ended());
    }

    @Test
    void aLongTurnHandsOutEveryMessageThenItsEndAndNothingMore() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            turn.deliver(message(i));
        }
        turn.deliver(ResultMessage.builder().result("done").build());
        Turn.Item item;
        int delivered = 0;
        while ((item = turn.next(Duration.ofMillis(1)).orElseThrow()) instanceof Turn.Delivered d) {
            assertThat(d.message()).isEqualTo(delivered < 1_000 ? message(delivered) : ResultMessage.builder().result("done").build());
            delivered++;
        }

        assertThat(delivered).isEqualTo(1_001);
        assertThat(item).isEqualTo(new Turn.Ended());
        assertThat(turn.next(Duration.ofMillis(1))).isEmpty();
    }

    private void startConsumer() {
        consumer = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    taken.add(turn.next(null).orElseThrow());
                }
            } catch (InterruptedException e) {
                // done
            }
        });
    }

    private void awaitWaiting() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (consumer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(consumer.getState()).isEqualTo(Thread.State.WAITING);
    }

    @Test
    void theReaderWaitsWhileTheBacklogIsOverItsBoundUntilTheConsumerTakesIt() throws Exception {
        Thread reader = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 10; i++) {
                turn.deliver(message(i), 1_000);
                turn.awaitRoom(3_000);
            }
            turn.handOver(); // the reader has caught up with the CLI, as after every read
        });
        // four messages are over the bound of 3,000 bytes: the reader stops there
        assertThat(awaitPending(4_000)).isTrue();
        Thread.sleep(200);
        assertThat(turn.pendingBytes()).isEqualTo(4_000);
        assertThat(reader.isAlive()).isTrue();

        startConsumer();
        reader.join(5_000);
        assertThat(reader.isAlive()).isFalse();
        for (int i = 0; i < 10; i++) {
            Turn.Item item = taken.poll(5, TimeUnit.SECONDS);
            assertThat(item).isInstanceOf(Turn.Delivered.class);
        }
    }

    @Test
    void aReaderHeldBackIsLetGoWhenTheTurnFailsOrIsAbandoned() throws Exception {
        for (boolean fail : new boolean[] {true, false}) {
            Turn held = new Turn(Json.object());
            Thread reader = Thread.ofVirtual().start(() -> {
                held.deliver(message(1), 10_000);
                held.awaitRoom(1);
            });
            Thread.sleep(100);
            assertThat(reader.isAlive()).isTrue();
            if (fail) {
                held.fail(new IllegalStateException("gone"));
            } else {
                held.abandon();
            }
            reader.join(5_000);
            assertThat(reader.isAlive()).isFalse();
        }
    }

    private boolean awaitPending(long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (turn.pendingBytes() < bytes) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private static Message message(int n) {
        return new UnknownMessage("test", Envelope.of(Map.of("n", n, "list", List.of())));
    }
}
