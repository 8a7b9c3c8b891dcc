package dev.claudecode.tests.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.SessionStart;
import dev.claudecode.Session;
import dev.claudecode.history.Page;
import dev.claudecode.history.HistoryQuery;
import dev.claudecode.history.SessionInfo;
import dev.claudecode.history.SessionMessage;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.UserMessage;
import dev.claudecode.node.CommandResult;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Session.messages, listSessions and execute, read back from what the real CLI wrote. */
@ExtendWith(FakeClaudeApiExtension.class)
class SessionHistoryIT {

    @TempDir
    Path cwd;

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment()).allowedTools("Bash");
    }

    @Test
    void historyMatchesWhatTheStreamDelivered(FakeClaudeApi api) {
        api.enqueue(Reply.text("8"),
                Reply.builder().text("Let me check.").toolUse("Bash", Map.of("command", "echo from-bash")).build(),
                Reply.text("It printed from-bash."));
        List<Message> streamed = new ArrayList<>();
        List<SessionMessage> history;
        String sessionId;
        Session session = ClaudeCode.start(options(api).build());
        try (session) {
            streamed.addAll(session.stream("What is 5 + 3?").stream().toList());
            streamed.addAll(session.stream("Run echo from-bash").stream().toList());
            sessionId = session.sessionId().orElseThrow();
        }
        // the CLI writes a turn's last records just after its result: read what a stopped CLI left
        history = session.messages();
        {

            assertThat(session.messages(HistoryQuery.of(Page.first(2).offset(1)))).containsExactlyElementsOf(history.subList(1, 3));
            List<SessionInfo> sessions = session.listSessions();
            assertThat(sessions).extracting(SessionInfo::sessionId).containsExactly(sessionId);
            assertThat(sessions.getFirst().firstPrompt()).contains("What is 5 + 3?");
        }

        List<String> streamedAssistantIds = new ArrayList<>(streamed.stream().filter(AssistantMessage.class::isInstance)
                .map(m -> ((AssistantMessage) m).messageId()).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        List<Object> historyAssistantIds = history.stream().filter(SessionMessage::isAssistant).map(m -> m.message().get("id")).toList();
        assertThat(historyAssistantIds).containsExactlyElementsOf(streamedAssistantIds);

        List<String> streamedToolResults = streamed.stream().filter(UserMessage.class::isInstance)
                .map(m -> m.uuid().orElseThrow()).toList();
        assertThat(history).filteredOn(SessionMessage::isUser).extracting(SessionMessage::uuid).containsAll(streamedToolResults);
        assertThat(history).filteredOn(SessionMessage::isUser).extracting(SessionMessage::text)
                .anyMatch(t -> t.contains("What is 5 + 3?")).anyMatch(t -> t.contains("Run echo from-bash"))
                .anyMatch(t -> t.contains("from-bash"));
        assertThat(history).allMatch(m -> m.sessionId().equals(sessionId));
    }

    @Test
    void resumedAndForkedSessionsReadBackTheirWholeConversation(FakeClaudeApi api) {
        api.enqueue(Reply.text("first answer"), Reply.text("second answer"), Reply.text("forked answer"));
        String original;
        try (Session session = ClaudeCode.start(options(api).build())) {
            session.query("first question");
            original = session.sessionId().orElseThrow();
        }
        Session resumed = ClaudeCode.start(options(api).start(SessionStart.resume(original)).build());
        try (resumed) {
            resumed.query("second question");
        }
        assertThat(resumed.messages()).extracting(SessionMessage::text)
                .containsExactly("first question", "first answer", "second question", "second answer");
        Session forked = ClaudeCode.start(options(api).start(SessionStart.resume(original).forked()).build());
        try (forked) {
            forked.query("forked question");
        }
        assertThat(forked.sessionId()).isPresent().get().isNotEqualTo(original);
        assertThat(forked.messages()).extracting(SessionMessage::text).containsExactly(
                "first question", "first answer", "second question", "second answer", "forked question", "forked answer");
        assertThat(forked.listSessions()).hasSize(2);
    }

    @Test
    void executeRunsOnTheSessionsNode(FakeClaudeApi api) throws Exception {
        Files.writeString(cwd.resolve("config.json"), "{\"answer\":42}");
        try (Session session = ClaudeCode.start(options(api).build())) {
            String config = session.execute(node -> Files.readString(node.path(cwd.resolve("config.json").toString())));
            CommandResult pwd = session.execute(node -> node.run("pwd"));
            assertThat(config).isEqualTo("{\"answer\":42}");
            assertThat(pwd.succeeded()).isTrue();
            assertThat(session.node().name()).isEqualTo("local");
        }
    }
}
