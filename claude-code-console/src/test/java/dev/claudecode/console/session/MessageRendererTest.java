package dev.claudecode.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.content.TextBlock;
import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolUseBlock;
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
        assertThat(renderer.render(ok)).containsExactly(new ConsoleEvent.TurnEnded(false, Optional.empty(), 2, 0.5, 1500));
        ResultMessage failed = ResultMessage.builder().subtype("error_during_execution").isError(true)
                .errors(List.of("interrupted")).numTurns(1).build();
        assertThat(renderer.render(failed)).singleElement()
                .isEqualTo(new ConsoleEvent.TurnEnded(true, Optional.of("error_during_execution: interrupted"), 1, 0, 0));
    }

    private static StreamEventMessage delta(String text) {
        return new StreamEventMessage(new ContentBlockDelta(0, new TextDelta(text)), Optional.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Envelope.EMPTY);
    }

    private static AssistantMessage assistant(dev.claudecode.content.ContentBlock block) {
        return AssistantMessage.builder().messageId("msg_1").model("m").content(List.of(block)).build();
    }
}
