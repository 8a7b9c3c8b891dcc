package dev.claudecode.tests.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.SessionStart;
import dev.claudecode.Session;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** resume, forkSession, continue and sessionId against the real CLI. */
@ExtendWith(FakeClaudeApiExtension.class)
class ResumeIT {

    @TempDir
    Path cwd;

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment());
    }

    private String firstConversation(FakeClaudeApi api) {
        api.enqueue(Reply.text("Noted: the code word is marmalade"));
        return ClaudeCode.query("The code word is marmalade", options(api).build()).sessionId().orElseThrow();
    }

    @Test
    void resumeContinuesTheSameSession(FakeClaudeApi api) {
        String sessionId = firstConversation(api);
        api.enqueue(Reply.text("marmalade"));
        ResultMessage result = ClaudeCode.query("What was the code word?", options(api).start(SessionStart.resume(sessionId)).build());

        assertThat(result.sessionId()).contains(sessionId);
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("The code word is marmalade", "What was the code word?");
    }

    @Test
    void forkSessionStartsANewSessionWithTheOldHistory(FakeClaudeApi api) {
        String sessionId = firstConversation(api);
        api.enqueue(Reply.text("marmalade"));
        try (Session session = ClaudeCode.start(options(api).start(SessionStart.resume(sessionId).forked()).build())) {
            session.query("What was the code word?");
            assertThat(session.sessionId()).isPresent().get().isNotEqualTo(sessionId);
        }
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("The code word is marmalade");
    }

    @Test
    void continueResumesTheMostRecentSessionOfTheDirectory(FakeClaudeApi api) {
        String sessionId = firstConversation(api);
        api.enqueue(Reply.text("marmalade"));
        ResultMessage result = ClaudeCode.query("What was the code word?", options(api).start(SessionStart.continueLatest()).build());

        assertThat(result.sessionId()).contains(sessionId);
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("The code word is marmalade");
    }

    @Test
    void sessionIdFixesTheNewSessionsId(FakeClaudeApi api) {
        UUID chosen = UUID.randomUUID();
        api.enqueue(Reply.text("ok"));
        ResultMessage result = ClaudeCode.query("hello", options(api).start(SessionStart.newSession(chosen)).build());
        assertThat(result.sessionId()).contains(chosen.toString());
    }

    @Test
    void resumingAnUnknownSessionEndsTheTurnWithTheCliError(FakeClaudeApi api) {
        String unknown = UUID.randomUUID().toString();
        ResultMessage result = ClaudeCode.query("hello", options(api).start(SessionStart.resume(unknown)).build());
        assertThat(result.isError()).isTrue();
        assertThat(result.errors()).anyMatch(e -> e.contains("No conversation found"));
    }
}
