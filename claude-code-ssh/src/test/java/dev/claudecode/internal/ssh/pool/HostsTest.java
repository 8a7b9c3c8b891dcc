package dev.claudecode.internal.ssh.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.node.LocalNode;
import dev.claudecode.node.Node;
import dev.claudecode.ssh.pool.HostMetrics;
import dev.claudecode.ssh.pool.HostState;
import dev.claudecode.ssh.pool.NoHostAvailableException;
import dev.claudecode.ssh.pool.PoolHost;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Placement and host states, without any host. */
class HostsTest {

    /** A transport that is only a name. */
    record Named(String name) implements Transport {
        @Override
        public CliProcess launch(LaunchSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Node node() {
            return LocalNode.instance();
        }
    }

    private static Hosts hosts(int downAfter, int... capacities) {
        List<PoolHost> list = new java.util.ArrayList<>();
        for (int i = 0; i < capacities.length; i++) {
            list.add(PoolHost.of(new Named("h" + i), capacities[i]));
        }
        return new Hosts(list, downAfter);
    }

    private static List<String> place(Hosts hosts, int count) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(hosts.reserve(Set.of(), Duration.ZERO).name());
        }
        return names;
    }

    @Test
    void theLeastLoadedShareOfCapacityWinsThenTheEmptierHostThenTheFirstGiven() {
        Hosts hosts = hosts(1, 2, 4, 4);

        assertThat(place(hosts, 10)).containsExactly("h0", "h1", "h2", "h1", "h2", "h0", "h1", "h2", "h1", "h2");
        assertThat(hosts.metrics()).extracting(HostMetrics::sessions).containsExactly(2, 4, 4);
        assertThat(hosts.metrics()).extracting(HostMetrics::sessionsPlaced).containsExactly(2L, 4L, 4L);
    }

    @Test
    void fullAndDownHostsTakeNothingAndTheFailureSaysWhy() {
        Hosts hosts = hosts(1, 1, 3);
        HostSlot h0 = hosts.all().get(0);
        HostSlot h1 = hosts.all().get(1);
        hosts.reserve(Set.of(), Duration.ZERO);
        hosts.recordCheck(h1, Optional.of("no answer"), false);

        assertThatThrownBy(() -> hosts.reserve(Set.of(), Duration.ZERO))
                .isInstanceOf(NoHostAvailableException.class)
                .hasMessage("no host can take a session: h0 (1 of 1 sessions), h1 (down)");
        hosts.release(h0);
        assertThatThrownBy(() -> hosts.reserve(Set.of(h0), Duration.ZERO)).hasMessageContaining("h0 (not usable for this session)");
        assertThat(hosts.reserve(Set.of(), Duration.ZERO)).isSameAs(h0);
    }

    @Test
    void aHostGoesDownAfterTheConfiguredFailuresInARowOrAtOnceWhenConclusiveAndUpAfterOnePass() {
        Hosts hosts = hosts(3, 1);
        HostSlot slot = hosts.all().getFirst();

        assertThat(hosts.recordCheck(slot, Optional.of("1"), false)).isTrue();
        assertThat(hosts.recordCheck(slot, Optional.of("2"), false)).isTrue();
        assertThat(hosts.recordCheck(slot, Optional.empty(), false)).isTrue();
        assertThat(hosts.recordCheck(slot, Optional.of("3"), false)).as("the count starts again after a pass").isTrue();
        assertThat(hosts.recordCheck(slot, Optional.of("4"), false)).isTrue();
        assertThat(hosts.recordCheck(slot, Optional.of("5"), false)).isFalse();
        assertThat(hosts.recordCheck(slot, Optional.empty(), false)).isTrue();
        assertThat(hosts.recordCheck(slot, Optional.of("probe"), true)).isFalse();

        HostMetrics metrics = hosts.metrics().getFirst();
        assertThat(metrics.state()).isEqualTo(HostState.DOWN);
        assertThat(metrics.healthChecks()).isEqualTo(8);
        assertThat(metrics.failedHealthChecks()).isEqualTo(6);
        assertThat(metrics.lastError()).contains("probe");
        assertThat(metrics.lastHealthCheck()).isPresent();
    }

    @Test
    void aWaitingReservationGetsTheFirstPlaceFreedOrAHostThatComesUp() throws Exception {
        Hosts hosts = hosts(1, 1, 1);
        HostSlot h0 = hosts.reserve(Set.of(), Duration.ZERO);
        HostSlot h1 = hosts.all().get(1);
        hosts.recordCheck(h1, Optional.of("down"), true);

        CompletableFuture<HostSlot> waiting = CompletableFuture.supplyAsync(() -> hosts.reserve(Set.of(), Duration.ofSeconds(30)));
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        hosts.recordCheck(h1, Optional.empty(), false);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isSameAs(h1);

        CompletableFuture<HostSlot> next = CompletableFuture.supplyAsync(() -> hosts.reserve(Set.of(), Duration.ofSeconds(30)));
        Thread.sleep(100);
        hosts.release(h0);
        assertThat(next.get(10, TimeUnit.SECONDS)).isSameAs(h0);
    }

    @Test
    void closingFailsWaitersAndLaterReservations() throws Exception {
        Hosts hosts = hosts(1, 1);
        hosts.reserve(Set.of(), Duration.ZERO);
        CompletableFuture<HostSlot> waiting = CompletableFuture.supplyAsync(() -> hosts.reserve(Set.of(), Duration.ofSeconds(30)));
        Thread.sleep(100);

        hosts.close();

        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(NoHostAvailableException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> hosts.reserve(Set.of(), Duration.ZERO)).hasMessageContaining("closed");
    }

    @Test
    void aTimedOutWaitSaysSo() {
        Hosts hosts = hosts(1, 1);
        hosts.reserve(Set.of(), Duration.ZERO);
        long started = System.nanoTime();

        assertThatThrownBy(() -> hosts.reserve(Set.of(), Duration.ofMillis(200))).isInstanceOf(NoHostAvailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
