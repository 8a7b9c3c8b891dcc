package dev.claudecode.message;

import dev.claudecode.usage.ModelUsage;
import dev.claudecode.usage.Usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.content.ContentBlock;
import dev.claudecode.content.TextBlock;
import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolUseBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MessageModelTest {

    @Test
    void assistantMessageHelpersAndBuilder() {
        ToolUseBlock use = new ToolUseBlock("toolu_1", "Bash", Map.of("command", "ls"));
        AssistantMessage message = AssistantMessage.builder()
                .messageId("msg_1")
                .model("claude-sonnet-5")
                .addContent(TextBlock.of("Let me look. "))
                .addContent(use)
                .addContent(TextBlock.of("Done."))
                .usage(Usage.of(10, 5))
                .envelope(new Envelope(Optional.of("s"), Optional.empty(), Map.of()))
                .build();
        assertThat(message.type()).isEqualTo("assistant");
        assertThat(message.text()).isEqualTo("Let me look. Done.");
        assertThat(message.toolUses()).containsExactly(use);
        assertThat(message.error()).isEmpty();
        assertThat(message.raw()).isEmpty();
        assertThat(message.toBuilder().build()).isEqualTo(message);
        assertThat(message.toBuilder().error("rate_limit").build().error()).contains("rate_limit");
        assertThatThrownBy(() -> message.content().add(TextBlock.of("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void userMessageTextComesFromStringOrBlocks() {
        UserMessage plain = UserMessage.builder().text("hello").isReplay(true).build();
        assertThat(plain.textContent()).contains("hello");
        assertThat(plain.content()).containsExactly(TextBlock.of("hello"));
        assertThat(plain.text()).isEqualTo("hello");
        assertThat(plain.isReplay()).isTrue();

        UserMessage results = plain.toBuilder()
                .content(List.of(ToolResultBlock.of("t1", "out"), TextBlock.of("note")))
                .toolUseResult(Map.of("stdout", "out"))
                .build();
        assertThat(results.textContent()).isEmpty();
        assertThat(results.text()).isEqualTo("note");
        assertThat(results.toolResults()).containsExactly(ToolResultBlock.of("t1", "out"));
        assertThat(results.toolUseResult()).contains(Map.of("stdout", "out"));
        assertThat(results.toBuilder().build()).isEqualTo(results);
    }

    @Test
    void resultSuccessNeedsSuccessSubtypeAndNoError() {
        ResultMessage ok = ResultMessage.builder().result("8").numTurns(1).build();
        assertThat(ok.isSuccess()).isTrue();
        assertThat(ok.toBuilder().isError(true).apiErrorStatus(500).build().isSuccess()).isFalse();
        assertThat(ok.toBuilder().subtype("error_max_turns").build().isSuccess()).isFalse();
        ResultMessage full = ok.toBuilder()
                .putModelUsage("m", new ModelUsage(1, 2, 3, 4, 0, 0.5, 200_000, 64_000, Map.of()))
                .permissionDenials(List.of(new PermissionDenial("Bash", "t", Map.of("command", "rm"))))
                .errors(List.of("e"))
                .structuredOutput(Map.of("answer", 42))
                .build();
        assertThat(full.toBuilder().build()).isEqualTo(full);
        assertThat(full.apiErrorStatus()).isEqualTo(OptionalInt.empty());
        assertThat(full.modelUsage()).containsOnlyKeys("m");
        assertThatThrownBy(() -> full.modelUsage().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void recordsCopyTheirCollections() {
        List<ContentBlock> content = new ArrayList<>(List.of(TextBlock.of("a")));
        AssistantMessage message = AssistantMessage.builder().messageId("m").model("x").content(content).build();
        content.add(TextBlock.of("b"));
        assertThat(message.content()).containsExactly(TextBlock.of("a"));
        assertThat(message.usage()).isEqualTo(Usage.EMPTY);
        assertThat(message.stopReason()).isEmpty();
        assertThat(message.raw()).isEmpty();
    }

    @Test
    void recordsRejectNullInsteadOfReadingItAsEmpty() {
        assertThatThrownBy(() -> new AssistantMessage("m", "x", List.of(), null, Optional.empty(), Usage.EMPTY,
                        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), false, Optional.empty(), List.of(), Optional.empty(), false,
                        List.of(), OptionalLong.empty(), Optional.empty(), false, OptionalInt.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Envelope.EMPTY))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("stopReason");
        assertThatThrownBy(() -> new TaskUpdatedMessage("k", null, Optional.empty(), Envelope.EMPTY))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("patch");
        assertThatThrownBy(() -> new PermissionDeniedMessage("Bash", "t", null, Optional.empty(), Optional.empty(), "m",
                        Envelope.EMPTY))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("agentId");
        assertThatThrownBy(() -> new BackgroundTasksChangedMessage(null, Envelope.EMPTY))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("tasks");
        assertThatThrownBy(() -> new PromptSuggestionMessage("s", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("envelope");
        assertThatThrownBy(() -> new Envelope(Optional.empty(), Optional.empty(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("raw");
    }

    @Test
    void unknownMessagesReadIdsFromTheirJson() {
        UnknownMessage unknown =
                new UnknownMessage("keep_alive", Envelope.of(Map.of("type", "keep_alive", "session_id", 3)));
        assertThat(unknown.sessionId()).isEmpty();
        assertThat(unknown.uuid()).isEmpty();
        UnknownSystemMessage system =
                new UnknownSystemMessage("x", Envelope.of(Map.of("uuid", "u", "session_id", "s")));
        assertThat(system.type()).isEqualTo("system");
        assertThat(system.uuid()).contains("u");
        assertThat(system.sessionId()).contains("s");
    }

    @Test
    void smallValueHelpers() {
        assertThat(new Usage(1, 2, 3, 4, Optional.empty(), Map.of()).totalInputTokens()).isEqualTo(8);
        TaskUpdatedMessage updated = new TaskUpdatedMessage("k", Map.of("status", 5), Optional.empty(), Envelope.EMPTY);
        assertThat(updated.status()).isEmpty();
        assertThat(new TaskUpdatedMessage("k", Map.of("status", "killed"), Optional.empty(), Envelope.EMPTY).status()).contains("killed");
    }
}
