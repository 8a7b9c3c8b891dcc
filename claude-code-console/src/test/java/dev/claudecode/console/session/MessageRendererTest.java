package dev.claudecode.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.content.TextBlock;
import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.message.ApiRetryMessage;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Envelope;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.message.UserMessage;
import dev.claudecode.message.stream.ContentBlockDelta;
import dev.claudecode.message.stream.TextDelta;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MessageRendererTest {

    private final MessageRenderer renderer = new MessageRenderer();

    @Test
    void streamedTextIsShownOnceAndTheCompleteMessageAddsNothing() {
        assertThat(renderer.render(delta("Hel"))).containsExactly(new ConsoleEvent.Text("Hel"));
        assertThat(renderer.render(delta("lo"))).containsExactly(new ConsoleEvent.Text("lo"));
        assertThat(renderer.render(assistant(new TextBlock("Hello", List.of())))).isEmpty();
        // a later message that was not streamed is shown whole
        assertThat(renderer.render(assistant(new TextBlock("Again", List.of())))).containsExactly(new ConsoleEvent.Text("Again"));
    }

    @Test
    void toolCallsAndResultsBecomeOneLineEach() {
        assertThat(renderer.render(assistant(new ToolUseBlock("tu1", "Bash", Map.of("command", "ls -la", "description", "list")))))
                .containsExactly(new ConsoleEvent.ToolCall("tu1", "Bash", "ls -la"));
        UserMessage results = UserMessage.builder()
                .content(List.of(ToolResultBlock.of("tu1", "a\nb"), ToolResultBlock.error("tu2", "x".repeat(150))))
                .build();
        assertThat(renderer.render(results)).containsExactly(
                new ConsoleEvent.ToolOutput("tu1", "a b", false),
                new ConsoleEvent.ToolOutput("tu2", "x".repeat(100) + "…", true));
    }

    @Test
    void replayedUserMessagesShowNothing() {
        UserMessage replay = UserMessage.builder().content(List.of(ToolResultBlock.of("tu1", "ok"))).isReplay(true).build();
        assertThat(renderer.render(replay)).isEmpty();
    }

    @Test
    void theResultEndsTheTurnWithItsErrorWhenThereIsOne() {
        ResultMessage ok = ResultMessage.builder().subtype("success").numTurns(2).totalCostUsd(0.5).durationMs(1500).build();
        assertThat(renderer.render(ok)).containsExactly(new ConsoleEvent.TurnEnded(false, Optional.empty(), 2, 0.5, 0.5, 1500));
        ResultMessage failed = ResultMessage.builder().subtype("error_during_execution").isError(true)
                .errors(List.of("interrupted")).numTurns(1).build();
        assertThat(renderer.render(failed)).singleElement()
                .isEqualTo(new ConsoleEvent.TurnEnded(true, Optional.of("error_during_execution: interrupted"), 1, 0, 0, 0));
    }

    @Test
    void eachTurnShowsItsOwnCostAndTheSessionsRunningTotal() {
        // the CLI's total_cost_usd is the session's running total, reset by a clear
        assertThat(cost(0.25)).isEqualTo(new double[] {0.25, 0.25});
        assertThat(cost(0.75)).isEqualTo(new double[] {0.5, 0.75});
        assertThat(cost(1.0)).isEqualTo(new double[] {0.25, 1.0});
        renderer.cleared();
        assertThat(cost(0.125)).isEqualTo(new double[] {0.125, 0.125});
        assertThat(cost(0.0625)).as("a total that went down: counting started again").isEqualTo(new double[] {0.0625, 0.0625});
    }

    @Test
    void apiRetriesAreShownAsTheyHappen() {
        ApiRetryMessage retry = new ApiRetryMessage(2, 10, 4012.5, OptionalInt.of(529), "overloaded", Envelope.EMPTY);
        ConsoleEvent.Retrying shown = (ConsoleEvent.Retrying) renderer.render(retry).getFirst();
        assertThat(shown.describe()).isEqualTo("API error 529 (overloaded): retrying in 4.0 s, attempt 2/10");
        assertThat(new ConsoleEvent.Retrying(1, 10, 542.5, OptionalInt.empty(), "").describe())
                .isEqualTo("API connection error: retrying in 0.5 s, attempt 1/10");
        assertThat(new ConsoleEvent.Retrying(9, 10, 32_000, OptionalInt.of(500), "server_error").describe())
                .isEqualTo("API error 500 (server_error): retrying in 32 s, attempt 9/10");
    }

    private double[] cost(double total) {
        ConsoleEvent.TurnEnded ended = (ConsoleEvent.TurnEnded) renderer.render(
                ResultMessage.builder().subtype("success").numTurns(1).totalCostUsd(total).build()).getFirst();
        return new double[] {ended.costUsd(), ended.sessionCostUsd()};
    }

    private static StreamEventMessage delta(String text) {
        return new StreamEventMessage(new ContentBlockDelta(0, new TextDelta(text)), Optional.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Envelope.EMPTY);
    }

    private static AssistantMessage assistant(dev.claudecode.content.ContentBlock block) {
        return AssistantMessage.builder().messageId("msg_1").model("m").content(List.of(block)).build();
    }
}
