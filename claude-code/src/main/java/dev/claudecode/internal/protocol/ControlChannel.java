package dev.claudecode.internal.protocol;

import dev.claudecode.errors.ControlException;
import dev.claudecode.errors.ControlTimeoutException;
import dev.claudecode.internal.json.Json;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control protocol over one CLI process, in both directions: requests the SDK sends are
 * correlated with their responses by request id; requests the CLI sends are answered by a
 * handler on virtual threads, and cancelled when the CLI says so.
 */
public final class ControlChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlChannel.class);

    private final StdinWriter writer;
    private final InboundRequestHandler handler;
    /** Answers run on virtual threads of their own; no executor is kept per channel. */
    private static final java.util.concurrent.ThreadFactory CALLBACK_THREADS = Thread.ofVirtual().name("claude-code-callback-", 0).factory();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> inbound = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final String idSuffix = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
    private volatile RuntimeException closedBecause;

    private record Pending(String subtype, CompletableFuture<JsonNode> future) {
    }

    /**
     * Creates a channel.
     *
     * @param writer the CLI's input
     * @param handler answers the CLI's own requests
     */
    public ControlChannel(StdinWriter writer, InboundRequestHandler handler) {
        this.writer = writer;
        this.handler = handler;
    }

    /**
     * Sends a control request.
     *
     * @param request the {@code request} object; its {@code subtype} names the request
     * @param timeout how long to wait for the answer
     * @return the {@code response} payload, an empty object when the answer has none; fails with
     *     {@link ControlException} for an error answer and {@link ControlTimeoutException} when
     *     no answer arrives in time
     */
    public CompletableFuture<JsonNode> request(ObjectNode request, Duration timeout) {
        String subtype = request.path("subtype").asString("");
        RuntimeException closed = closedBecause;
        if (closed != null) {
            return CompletableFuture.failedFuture(closed);
        }
        String id = "req_" + counter.incrementAndGet() + "_" + idSuffix;
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(id, new Pending(subtype, future));
        ObjectNode envelope = Json.object();
        envelope.put("type", "control_request");
        envelope.put("request_id", id);
        envelope.set("request", request);
        try {
            writer.writeRequest(envelope);
        } catch (RuntimeException e) {
            pending.remove(id);
            return CompletableFuture.failedFuture(e);
        }
        // the entry goes when the answer comes, or here when it does not
        return Deadlines.failAfter(future, timeout, () -> {
            pending.remove(id);
            return new ControlTimeoutException(subtype, timeout);
        });
    }

    /**
     * Completes the request a {@code control_response} line answers. Unknown ids are ignored.
     *
     * @param line the whole control_response line
     */
    public void onResponse(JsonNode line) {
        JsonNode response = line.path("response");
        String id = response.path("request_id").asString(null);
        Pending request = id == null ? null : pending.remove(id);
        if (request == null) {
            LOG.debug("ignoring a control_response for an unknown request id {}", id);
            return;
        }
        if ("error".equals(response.path("subtype").asString(""))) {
            request.future().completeExceptionally(
                    new ControlException(request.subtype(), response.path("error").asString("unknown error"),
                            java.util.Optional.ofNullable(response.path("error_code").asString(null))));
        } else {
            JsonNode payload = response.get("response");
            request.future().complete(payload == null || payload.isNull() ? Json.object() : payload);
        }
    }

    /**
     * Starts answering a {@code control_request} line from the CLI on a virtual thread.
     *
     * @param line the whole control_request line
     */
    public void onRequest(JsonNode line) {
        String id = line.path("request_id").asString(null);
        JsonNode request = line.path("request");
        String subtype = request.path("subtype").asString("");
        if (closedBecause != null) {
            return;
        }
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> answer(id, subtype, request), null);
        if (id != null) {
            // before it runs, so that the answer, which removes it, always comes after
            inbound.put(id, task);
        }
        CALLBACK_THREADS.newThread(task).start();
    }

    /**
     * Cancels the answer in progress for a {@code control_cancel_request} line: its thread is
     * interrupted and no answer is sent.
     *
     * @param line the whole control_cancel_request line
     */
    public void onCancel(JsonNode line) {
        String id = line.path("request_id").asString(null);
        Future<?> task = id == null ? null : inbound.remove(id);
        if (task != null) {
            task.cancel(true);
        }
    }

    /**
     * Answers, with an error, a request of the CLI whose line could not be read: the CLI waits for
     * an answer to every request, and silence would hold its turn for ever.
     *
     * @param id the request id the line names
     * @param reason why it could not be read
     */
    public void rejectUnreadable(String id, String reason) {
        if (closedBecause != null) {
            return;
        }
        ObjectNode response = Json.object();
        response.put("subtype", "error");
        response.put("request_id", id);
        response.put("error", reason);
        ObjectNode envelope = Json.object();
        envelope.put("type", "control_response");
        envelope.set("response", response);
        try {
            writer.write(envelope);
        } catch (RuntimeException e) {
            LOG.debug("could not refuse the unreadable control request {}: {}", id, e.getMessage());
        }
    }

    /**
     * Fails the request of ours that a line which could not be read answers.
     *
     * @param id the request id the line names
     * @param error what the request fails with
     */
    public void failUnreadable(String id, RuntimeException error) {
        Pending request = pending.remove(id);
        if (request != null) {
            request.future().completeExceptionally(error);
        }
    }

    /** @return how many SDK requests are waiting for an answer */
    public int pendingCount() {
        return pending.size();
    }

    /**
     * Fails every waiting request and stops answering the CLI, for example because the process
     * died. Idempotent; the first cause wins.
     *
     * @param cause what every waiting and later request fails with
     */
    public void fail(RuntimeException cause) {
        if (closedBecause == null) {
            closedBecause = cause;
        }
        for (String id : pending.keySet()) {
            Pending request = pending.remove(id);
            if (request != null) {
                request.future().completeExceptionally(closedBecause);
            }
        }
        inbound.values().forEach(task -> task.cancel(true));
        inbound.clear();
    }

    @Override
    public void close() {
        fail(new dev.claudecode.errors.SessionClosedException("the session is closed"));
    }

    private void answer(String id, String subtype, JsonNode request) {
        ObjectNode response = Json.object();
        try {
            JsonNode payload = handler.handle(subtype, request);
            response.put("subtype", "success");
            putId(response, id);
            response.set("response", payload == null ? Json.object() : payload);
        } catch (InterruptedException e) {
            return; // cancelled by the CLI: it expects no answer
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted() && id != null && !inbound.containsKey(id)) {
                return;
            }
            response.put("subtype", "error");
            putId(response, id);
            response.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            if (id != null) {
                inbound.remove(id);
            }
        }
        if (Thread.currentThread().isInterrupted() || closedBecause != null) {
            return;
        }
        ObjectNode envelope = Json.object();
        envelope.put("type", "control_response");
        envelope.set("response", response);
        try {
            writer.write(envelope);
        } catch (RuntimeException e) {
            LOG.debug("could not answer control request {} ({}): {}", id, subtype, e.getMessage());
        }
    }

    private static void putId(ObjectNode response, String id) {
        if (id != null) {
            response.put("request_id", id);
        }
    }
}
