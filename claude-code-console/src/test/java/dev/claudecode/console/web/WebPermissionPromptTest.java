package dev.claudecode.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.session.ConsoleEvent;
import dev.claudecode.console.session.ToolDecision;
import dev.claudecode.console.session.ToolRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebPermissionPromptTest {

    private final List<ConsoleEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void aQuestionWaitsForItsAnswerAndTellsThePageBothWays() throws Exception {
        WebPermissionPrompt prompt = new WebPermissionPrompt(events::add, Duration.ofSeconds(10));
        ToolRequest request = ToolRequest.create("Bash", Map.of("command", "ls"), Optional.of("tu1"), Optional.empty());

        CompletableFuture<ToolDecision> decision = CompletableFuture.supplyAsync(() -> prompt.decide(request));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (prompt.pending().isEmpty()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(prompt.answer("no-such-question", ToolDecision.ALLOW)).isFalse();
        assertThat(prompt.answer(request.requestId(), ToolDecision.ALLOW)).isTrue();

        assertThat(decision.get(10, TimeUnit.SECONDS)).isEqualTo(ToolDecision.ALLOW);
        assertThat(prompt.pending()).isEmpty();
        assertThat(events).containsExactly(new ConsoleEvent.PermissionAsked(request),
                new ConsoleEvent.PermissionAnswered(request.requestId(), ToolDecision.ALLOW));
    }

    @Test
    void unansweredQuestionsAreDenied() {
        WebPermissionPrompt prompt = new WebPermissionPrompt(events::add, Duration.ofMillis(50));
        ToolRequest request = ToolRequest.create("Write", Map.of("file_path", "/x"), Optional.empty(), Optional.empty());
        assertThat(prompt.decide(request)).isEqualTo(ToolDecision.DENY);
        assertThat(events).last().isEqualTo(new ConsoleEvent.PermissionAnswered(request.requestId(), ToolDecision.DENY));
    }
}
