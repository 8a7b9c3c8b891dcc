package dev.claudecode.console.web;

import dev.claudecode.console.session.ConsoleEvent;
import dev.claudecode.console.session.Question;
import dev.claudecode.console.session.QuestionPrompt;
import dev.claudecode.elicitation.ElicitationResult;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Asks in the web page what an MCP server wants to know: the question goes to the page as an
 * event (with the form's fields, or the page to open), and the answer comes back through the
 * questions endpoint. The wait ends with the answer, or with the thread's interrupt, which the
 * library sends when the time runs out or the CLI withdraws the question; then it is cancelled.
 */
final class WebQuestionPrompt implements QuestionPrompt {

    private record Pending(Question question, long asked, CompletableFuture<ElicitationResult> result) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Consumer<ConsoleEvent> events;

    WebQuestionPrompt(Consumer<ConsoleEvent> events) {
        this.events = events;
    }

    @Override
    public ElicitationResult answer(Question question) {
        Pending waiting = new Pending(question, System.nanoTime(), new CompletableFuture<>());
        pending.put(question.requestId(), waiting);
        events.accept(new ConsoleEvent.QuestionAsked(question));
        ElicitationResult result = ElicitationResult.cancel();
        try {
            result = waiting.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // a question that cannot be answered is cancelled
        } finally {
            pending.remove(question.requestId());
            events.accept(new ConsoleEvent.QuestionAnswered(question.requestId(), result.action()));
        }
        return result;
    }

    /**
     * @param requestId a question's id
     * @return the question, while it waits
     */
    Optional<Question> question(String requestId) {
        return Optional.ofNullable(pending.get(requestId)).map(Pending::question);
    }

    /**
     * Answers a waiting question.
     *
     * @param requestId the question's id
     * @param result the answer
     * @return whether such a question was waiting
     */
    boolean answer(String requestId, ElicitationResult result) {
        Pending waiting = pending.get(requestId);
        return waiting != null && waiting.result().complete(result);
    }

    /** @return the questions waiting, oldest first */
    List<Question> pending() {
        return pending.values().stream().sorted(Comparator.comparingLong(Pending::asked)).map(Pending::question).toList();
    }

    /** Cancels every waiting question, as when the session closes. */
    void cancelAll() {
        pending.values().forEach(waiting -> waiting.result().complete(ElicitationResult.cancel()));
    }
}
