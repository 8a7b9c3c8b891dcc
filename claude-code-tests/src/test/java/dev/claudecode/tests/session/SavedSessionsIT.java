package dev.claudecode.tests.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.history.History;
import dev.claudecode.history.SessionFork;
import dev.claudecode.history.SessionMessage;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.SessionStart;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Saved sessions changed without a running CLI, then read back by the real CLI. */
@ExtendWith(FakeClaudeApiExtension.class)
class SavedSessionsIT {

    @TempDir
    Path cwd;

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment());
    }

    private History history(FakeClaudeApi api) {
        return History.at(Path.of(api.environment().get("CLAUDE_CONFIG_DIR")));
    }

    /** Two turns: the name, then the colour. */
    private String conversation(FakeClaudeApi api) {
        try (Session session = ClaudeCode.start(options(api).build())) {
            api.enqueue(Reply.text("Noted, Ada."));
            session.query("My name is Ada.");
            api.enqueue(Reply.text("Noted, green."));
            session.query("My colour is green.");
            return session.sessionId().orElseThrow();
        }
    }

    @Test
    void theCliResumesARenamedSessionByItsNewTitle(FakeClaudeApi api) {
        String sessionId = conversation(api);
        history(api).renameSession(sessionId, "Ada's colours");
        history(api).tagSession(sessionId, "demo");
        assertThat(history(api).sessionInfo(sessionId).orElseThrow())
                .satisfies(info -> assertThat(info.title()).contains("Ada's colours"))
                .satisfies(info -> assertThat(info.tag()).contains("demo"));

        api.enqueue(Reply.text("Ada, green."));
        ResultMessage result = ClaudeCode.query("Who am I and what is my colour?",
                options(api).start(SessionStart.resume("Ada's colours")).build());

        assertThat(result.isError()).as(result.toString()).isFalse();
        assertThat(result.sessionId()).contains(sessionId);
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("My name is Ada.", "My colour is green.");
    }

    @Test
    void aForkUpToTheFirstAnswerResumesInTheCliWithoutTheSecondTurn(FakeClaudeApi api) {
        String sessionId = conversation(api);
        List<SessionMessage> messages = history(api).messages(sessionId);
        assertThat(messages).hasSize(4);
        String firstAnswer = messages.get(1).uuid();

        String forked = history(api).forkSession(sessionId, SessionFork.upTo(firstAnswer).titled("Before the colour"));

        api.enqueue(Reply.text("Ada."));
        ResultMessage result = ClaudeCode.query("Who am I?", options(api).start(SessionStart.resume(forked)).build());
        assertThat(result.isError()).as(result.toString()).isFalse();
        assertThat(result.sessionId()).contains(forked);
        String sent = api.lastMainRequest().orElseThrow().allUserText();
        assertThat(sent).contains("My name is Ada.", "Who am I?").doesNotContain("My colour is green.");
        // the CLI went on writing the forked session; the original is unchanged
        assertThat(history(api).messages(forked)).hasSize(4);
        assertThat(history(api).messages(sessionId)).hasSize(4);
        assertThat(history(api).sessionInfo(forked).orElseThrow().title()).contains("Before the colour");
    }

    @Test
    void aDeletedSessionCannotBeResumed(FakeClaudeApi api) {
        String sessionId = conversation(api);
        history(api).archiveSession(sessionId);
        assertThat(history(api).sessionInfo(sessionId).orElseThrow().archived()).isTrue();

        history(api).deleteSession(sessionId);

        assertThat(history(api).sessionInfo(sessionId)).isEmpty();
        ResultMessage result = ClaudeCode.query("hello", options(api).start(SessionStart.resume(sessionId)).build());
        assertThat(result.isError()).isTrue();
        assertThat(result.errors()).anyMatch(error -> error.contains("No conversation found"));
    }
}
