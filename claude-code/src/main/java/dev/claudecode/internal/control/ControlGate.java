package dev.claudecode.internal.control;

import dev.claudecode.errors.ControlTimeoutException;
import dev.claudecode.internal.protocol.ControlChannel;
import dev.claudecode.internal.protocol.Deadlines;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds a CLI's control requests back until its {@code initialize} answer has arrived, then sends
 * them in the order they were asked for; after that, requests pass straight through.
 *
 * <p>The CLI itself would answer most requests before {@code initialize} (transcript 55), but a
 * request that depends on the session's configuration (agents, SDK MCP servers, hooks) must not
 * overtake it, and a CLI that dies during start-up (such as {@code --resume} of an unknown
 * session, transcript 24) never answers at all: then every waiting request fails with the reason
 * the handshake failed, for example the CLI's exit status and stderr, instead of waiting out its
 * timeout.
 *
 * <p>A request's timeout counts from the moment it was asked for, waiting time included.
 */
public final class ControlGate {

    private final ControlChannel channel;
    private final Object lock = new Object();
    private final Deque<Queued> queue = new ArrayDeque<>();
    private boolean open;
    private Throwable failure;

    /** A request waiting for the gate to open. */
    private record Queued(ObjectNode request, Duration timeout, long askedAt, CompletableFuture<JsonNode> answer) {
    }

    /**
     * Creates a gate that opens when {@code ready} completes normally, and fails its requests
     * when it completes exceptionally.
     *
     * @param channel where requests go
     * @param ready the answer to {@code initialize}
     */
    public ControlGate(ControlChannel channel, CompletableFuture<?> ready) {
        this.channel = channel;
        // Released on a thread of its own: `ready` completes on the stdout reader, which must
        // never block on writing to the CLI's stdin.
        ready.whenComplete((ignored, error) -> Thread.ofVirtual().name("claude-code-control-gate").start(() -> release(error)));
    }

    /**
     * Sends a request now when the gate is open, else queues it.
     *
     * @param request the {@code request} object
     * @param timeout the longest wait for the answer, counted from now
     * @return the answer's payload; fails like {@link ControlChannel#request}, or with the reason
     *     the handshake failed
     */
    public CompletableFuture<JsonNode> request(ObjectNode request, Duration timeout) {
        Queued queued;
        synchronized (lock) {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            if (!open) {
                queued = new Queued(request, timeout, System.nanoTime(), new CompletableFuture<>());
                queue.addLast(queued);
            } else {
                queued = null;
            }
        }
        if (queued == null) {
            return channel.request(request, timeout);
        }
        return Deadlines.failAfter(queued.answer(), timeout, () -> new ControlTimeoutException(subtype(request), timeout));
    }

    /** @return whether the handshake is done and nothing waits any more */
    public boolean isOpen() {
        synchronized (lock) {
            return open;
        }
    }

    private void release(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        while (true) {
            Queued next;
            synchronized (lock) {
                if (cause != null) {
                    failure = cause;
                    queue.forEach(queued -> queued.answer().completeExceptionally(cause));
                    queue.clear();
                    return;
                }
                next = queue.pollFirst();
                if (next == null) {
                    open = true;
                    return;
                }
            }
            send(next);
        }
    }

    private void send(Queued queued) {
        if (queued.answer().isDone()) {
            return; // timed out while waiting
        }
        Duration left = queued.timeout().minusNanos(System.nanoTime() - queued.askedAt());
        if (left.isNegative() || left.isZero()) {
            queued.answer().completeExceptionally(new ControlTimeoutException(subtype(queued.request()), queued.timeout()));
            return;
        }
        channel.request(queued.request(), left).whenComplete((answer, error) -> {
            if (error == null) {
                queued.answer().complete(answer);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                queued.answer().completeExceptionally(cause instanceof ControlTimeoutException
                        ? new ControlTimeoutException(subtype(queued.request()), queued.timeout()) : cause);
            }
        });
    }

    private static String subtype(ObjectNode request) {
        return request.path("subtype").asString("");
    }
}
