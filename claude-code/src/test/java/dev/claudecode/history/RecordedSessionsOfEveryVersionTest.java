package dev.claudecode.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.internal.protocol.ProtocolRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * History over the session files of every recorded CLI version (protocol/&lt;version&gt;/session-files):
 * the same scenarios give the same conversations, however much else a version writes beside them
 * (2.1.332 adds request, cost and title records, which make its files several times larger).
 */
class RecordedSessionsOfEveryVersionTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void theMultiTurnScenarioReadsAsTheSameConversation(String version) throws IOException {
        Path config = temp.resolve("config");
        Path project = Files.createDirectories(temp.resolve("ws").resolve("project")).toRealPath();
        List<String> recorded = recordedFiles(version, "20_multi_turn__");
        assertThat(recorded).as("the session and its fork").hasSize(2);
        recorded.forEach(name -> Fixtures.installRecorded(config, name, version, project));
        History history = History.at(config);

        List<List<String>> conversations = recorded.stream()
                .map(name -> RecordedSessionsTest.describe(history.messages(Fixtures.sessionIdOf(name)))).toList();
        assertThat(conversations).containsExactlyInAnyOrder(
                List.of("user: My name is Ada.", "assistant: Nice to meet you, Ada.", "user: What is my name?",
                        "assistant: Your name is Ada.", "user: Say my name again.", "assistant: Still Ada."),
                List.of("user: My name is Ada.", "assistant: Nice to meet you, Ada.", "user: What is my name?",
                        "assistant: Your name is Ada.", "user: Say my name again.", "assistant: Still Ada.",
                        "user: Are we in a fork?", "assistant: Forked: still Ada.", "user: Continue please.",
                        "assistant: Continued."));
        List<SessionInfo> counted = history.listSessions(SessionListQuery.builder().projectPath(project).countMessages(true).build());
        assertThat(counted).extracting(info -> info.messageCount().orElseThrow()).containsExactlyInAnyOrder(6, 10);
        assertThat(counted).allSatisfy(info -> assertThat(info.firstPrompt()).contains("My name is Ada."));
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void everyRecordedSessionFileReadsWithoutSkippedLines(String version) throws IOException {
        Path project = Files.createDirectories(temp.resolve("ws").resolve("project")).toRealPath();
        List<String> recorded = recordedFiles(version, "");
        assertThat(recorded).hasSizeGreaterThanOrEqualTo(8);
        for (String name : recorded) {
            Path file = Fixtures.installRecorded(temp.resolve("config-" + name), name, version, project);
            List<SessionMessage> messages = History.readTranscript(file, HistoryQuery.all());
            assertThat(messages).as(name).isNotEmpty();
            assertThat(messages.getFirst().type()).as(name).isEqualTo("user");
            assertThat(messages).as(name).allSatisfy(m -> assertThat(m.sessionId()).isEqualTo(Fixtures.sessionIdOf(name)));
        }
    }

    private static List<String> recordedFiles(String version, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(ProtocolRecordings.dir(version).resolve("session-files"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(prefix) && name.contains("__") && name.endsWith(".jsonl"))
                    .sorted().toList();
        }
    }
}
