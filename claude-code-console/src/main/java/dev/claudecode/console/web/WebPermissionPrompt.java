package dev.claudecode.console.web;

import dev.claudecode.console.session.ConsoleEvent;
import dev.claudecode.console.session.PermissionPrompt;
import dev.claudecode.console.session.ToolDecision;
import dev.claudecode.console.session.ToolRequest;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Asks in the web page whether a tool may run: the question goes to the page as an event, and the
 * answer comes back through the permissions endpoint. A question nobody answers in time is denied.
 */
final class WebPermissionPrompt implements PermissionPrompt {

    private record Pending(ToolRequest request, long asked, CompletableFuture<ToolDecision> decision) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Consumer<ConsoleEvent> events;
    private final Duration timeout;

    WebPermissionPrompt(Consumer<ConsoleEvent> events, Duration timeout) {
        this.events = events;
        this.timeout = timeout;
    }

    @Override
    public ToolDecision decide(ToolRequest request) {
        Pending question = new Pending(request, System.nanoTime(), new CompletableFuture<>());
        pending.put(request.requestId(), question);
        events.accept(new ConsoleEvent.PermissionAsked(request));
        ToolDecision decision = ToolDecision.DENY;
        try {
            decision = question.decision().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // unanswered questions deny
        } finally {
            pending.remove(request.requestId());
            events.accept(new ConsoleEvent.PermissionAnswered(request.requestId(), decision));
        }
        return decision;
    }

    /**
     * Answers a waiting question.
     *
     * @param requestId the question's id
     * @param decision the answer
     * @return whether such a question was waiting
     */
    boolean answer(String requestId, ToolDecision decision) {
        Pending question = pending.get(requestId);
        return question != null && question.decision().complete(decision);
    }

    /** @return the questions waiting, oldest first */
    List<ToolRequest> pending() {
        return pending.values().stream().sorted(Comparator.comparingLong(Pending::asked)).map(Pending::request).toList();
    }

    /** Denies every waiting question, as when the session closes. */
    void denyAll() {
        pending.values().forEach(question -> question.decision().complete(ToolDecision.DENY));
    }
}
