package dev.claudecode.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.ClaudeCodeOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launches a session plans: resuming replaces whatever conversation choice the options made. */
class OptionsLauncherTest {

    private static final String ID = "7c341ea3-f56c-41c7-acd2-e44fcbca08b3";

    @Test
    void resumingDropsForkContinueSessionIdAndPullRequest() {
        ClaudeCodeOptions forked = ClaudeCodeOptions.builder().resume("older").forkSession(true)
                .sessionId("62257470-90c5-4e65-9bfb-3df7bedc8790").resumeSessionAt("a-message").build();
        ClaudeCodeOptions fromPr = ClaudeCodeOptions.builder().fromPr("123").forkSession(true).cwd(Path.of("/work")).build();
        ClaudeCodeOptions continued = ClaudeCodeOptions.builder().continueConversation(true).build();

        for (ClaudeCodeOptions options : new ClaudeCodeOptions[] {forked, fromPr, continued}) {
            ClaudeCodeOptions resuming = OptionsLauncher.resuming(options, ID);
            assertThat(resuming.resume()).contains(ID);
            assertThat(resuming.forkSession()).isFalse();
            assertThat(resuming.continueConversation()).isFalse();
            assertThat(resuming.sessionId()).isEmpty();
            assertThat(resuming.resumeSessionAt()).isEmpty();
            assertThat(resuming.fromPr()).isEmpty();
            assertThat(resuming.cwd()).isEqualTo(options.cwd());
        }
    }

    @Test
    void freshDropsTheConversationChoiceAndKeepsTheRest() {
        ClaudeCodeOptions fresh = OptionsLauncher.fresh(ClaudeCodeOptions.builder().resume("older").forkSession(true)
                .cwd(Path.of("/work")).model("sonnet").build());

        assertThat(fresh.resume()).isEmpty();
        assertThat(fresh.forkSession()).isFalse();
        assertThat(fresh.cwd()).contains(Path.of("/work"));
        assertThat(fresh.model()).contains("sonnet");
    }

    @Test
    void theResumeLaunchCarriesTheSessionIdAndTheExecutable() {
        OptionsLauncher launcher = new OptionsLauncher(ClaudeCodeOptions.builder().fromPr("123").build(), "/opt/claude");

        assertThat(launcher.resume(ID).executable()).isEqualTo("/opt/claude");
        assertThat(launcher.resume(ID).arguments()).contains("--resume=" + ID).noneMatch(argument -> argument.startsWith("--from-pr"));
        assertThat(launcher.initial().arguments()).anyMatch(argument -> argument.startsWith("--from-pr"));
    }
}
