package dev.claudecode.history;

import static dev.claudecode.history.RecordedSessionsTest.describe;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manual /compact as the real CLI 2.1.197 wrote it (src/test/resources/history/README.md). */
class CompactionTest {

    private static final String SESSION = "caa730b2-a2f3-42af-892b-f39d7c885825";

    @TempDir
    Path temp;

    private Path transcript() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/history/compact_manual__" + SESSION + ".jsonl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("<CWD>", "/w/proj");
            return Fixtures.write(temp.resolve(SESSION + ".jsonl"), text);
        }
    }

    @Test
    void readsTheWholeConversationAcrossTheBoundary() throws IOException {
        List<SessionMessage> messages = History.readTranscript(transcript(), HistoryQuery.all());

        assertThat(describe(messages)).containsExactly(
                "user: first question",
                "assistant: 8",
                "user: second question",
                "assistant: 8",
                "user: This session is being continued from a previous conversation that ran out of context. "
                        + "The summary below covers the earlier portion of the conversation.",
                "user: <command-name>/compact</command-name>",
                "user: <local-command-stdout>Compacted </local-command-stdout>",
                "assistant: No response requested.",
                "user: after compaction",
                "assistant: 8");
        assertThat(messages.get(4).isCompactSummary()).isTrue();
        assertThat(messages.stream().map(SessionMessage::uuid).distinct()).hasSameSizeAs(messages);
    }

    @Test
    void withoutFollowingCompactionGivesWhatTheModelSawAfterIt() throws IOException {
        // the request after compaction carried: summary, the kept reply "8", the /compact records
        // (with the meta caveat and "Continue from where you left off."), the reply, the new prompt
        assertThat(describe(History.readTranscript(transcript(), HistoryQuery.builder().followCompaction(false).build())))
                .containsExactly(
                        "user: This session is being continued from a previous conversation that ran out of context. "
                                + "The summary below covers the earlier portion of the conversation.",
                        "assistant: 8",
                        "user: <command-name>/compact</command-name>",
                        "user: <local-command-stdout>Compacted </local-command-stdout>",
                        "assistant: No response requested.",
                        "user: after compaction",
                        "assistant: 8");
    }

    @Test
    void listsTheCompactedSession() throws IOException {
        Path config = temp.resolve("config");
        Path file = ProjectDirectories.projectsDirectory(config).resolve("-w-proj").resolve(SESSION + ".jsonl");
        Fixtures.write(file, java.nio.file.Files.readString(transcript()));

        SessionInfo info = History.at(config).listSessions().getFirst();

        assertThat(info.firstPrompt()).contains("first question");
        assertThat(info.lastPrompt()).contains("after compaction");
        assertThat(info.messageCount()).hasValue(10);
    }
}
