package dev.claudecode.internal.ssh.pool;

import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.node.Node;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cheapest proof that a host still runs sessions: {@code true} run there, through the same
 * connection the CLIs use, answered within a deadline.
 */
public final class HealthCheck {

    private static final List<String> COMMAND = List.of("true");

    private HealthCheck() {
    }

    /**
     * Checks a host. A host that does not answer in time fails. The check itself may go on in
     * the background until the connection gives up (its connect timeout or keepalive); a check
     * asked for meanwhile waits for that one rather than starting another, so checks never pile
     * up on a hung host and two callers never see different answers at once.
     *
     * @param slot the host
     * @param timeout how long the host has to answer
     * @return what failed, or empty when the host answered
     */
    public static Optional<String> run(HostSlot slot, Duration timeout) {
        CompletableFuture<CommandResult> result = slot.healthCheck(() -> start(slot, timeout));
        try {
            CommandResult answer = result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return answer.succeeded() ? Optional.empty()
                    : Optional.of("the health check exited with status " + answer.exitStatus() + ": " + answer.stderr().strip());
        } catch (TimeoutException e) {
            return Optional.of("no answer to the health check within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of("the health check failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking the host");
        }
    }

    private static CompletableFuture<CommandResult> start(HostSlot slot, Duration timeout) {
        Node node = slot.transport().node();
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        Thread.ofVirtual().name("ssh-pool-health-" + slot.name()).start(() -> {
            try {
                result.complete(node.run(COMMAND, CommandOptions.defaults().withTimeout(timeout)));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
