package dev.claudecode.tests.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.elicitation.UserDialogRequest;
import dev.claudecode.elicitation.UserDialogResult;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * User dialogs with the real CLI: a session that declares the dialog kinds its handler shows
 * ({@code supportedDialogKinds} in {@code initialize}) is accepted by every supported CLI, and a
 * refusal the CLI has no fallback model for does not ask the handler.
 * The dialog itself ({@code request_user_dialog}) needs product state the scripted API cannot
 * create (a refusal fallback armed for the model); its answers are covered at the protocol level.
 */
@ExtendWith(FakeClaudeApiExtension.class)
@Timeout(120)
class UserDialogIT {

    @TempDir
    Path cwd;

    @Test
    void declaredDialogKindsAreAcceptedAndARefusalWithoutFallbackAsksNothing(FakeClaudeApi api) {
        List<UserDialogRequest> dialogs = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.text("Hello."), Reply.builder().text("I can't help with that.").stopReason("refusal").build());
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment())
                .onUserDialog(request -> {
                    dialogs.add(request);
                    return UserDialogResult.cancelled();
                })
                .supportedDialogKinds(UserDialogRequest.REFUSAL_FALLBACK_PROMPT)
                .build();
        try (Session session = ClaudeCode.start(options)) {
            assertThat(session.query("hi").result()).contains("Hello.");
            // 2.1.197 ends this turn with the refusal; 2.1.332 retries it once silently on the same model
            // (which gets the fake API's default reply): neither asks the dialog handler
            session.query("something refused");
            assertThat(session.query("are you there?").isError()).isFalse();
        }
        assertThat(dialogs).isEmpty();
    }
}
