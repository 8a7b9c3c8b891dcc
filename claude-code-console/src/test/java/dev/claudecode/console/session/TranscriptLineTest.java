package dev.claudecode.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.session.TranscriptLine.Kind;
import dev.claudecode.history.SessionMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriptLineTest {

    @Test
    void promptsTextToolCallsAndResultsBecomeLines() {
        SessionMessage prompt = message("user", Map.of("role", "user", "content", "What is 5 + 3?"));
        SessionMessage answer = message("assistant", Map.of("role", "assistant", "content", List.of(
                Map.of("type", "thinking", "thinking", "hm"),
                Map.of("type", "text", "text", "Let me check."),
                Map.of("type", "tool_use", "id", "t1", "name", "Bash", "input", Map.of("command", "echo 8")))));
        SessionMessage result = message("user", Map.of("role", "user", "content", List.of(
                Map.of("type", "tool_result", "tool_use_id", "t1", "is_error", true,
                        "content", List.of(Map.of("type", "text", "text", "boom"))))));

        assertThat(TranscriptLine.of(prompt)).containsExactly(new TranscriptLine(Kind.PROMPT, "What is 5 + 3?", false));
        assertThat(TranscriptLine.of(answer)).containsExactly(
                new TranscriptLine(Kind.TEXT, "Let me check.", false),
                new TranscriptLine(Kind.TOOL_CALL, "Bash(echo 8)", false));
        assertThat(TranscriptLine.of(result)).containsExactly(new TranscriptLine(Kind.TOOL_RESULT, "boom", true));
    }

    private static SessionMessage message(String type, Map<String, Object> body) {
        return SessionMessage.builder().type(type).uuid("u-" + type).sessionId("s").message(body).build();
    }
}
