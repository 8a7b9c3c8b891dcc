package dev.claudecode.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.node.LocalNode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.SessionStart;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The launches a session plans: resuming replaces whatever conversation choice the options made. */
class OptionsLauncherTest {

    private static final String ID = "7c341ea3-f56c-41c7-acd2-e44fcbca08b3";

    @Test
    void resumingDropsForkContinueSessionIdAndPullRequest() {
        ClaudeCodeOptions forked = ClaudeCodeOptions.builder().start(SessionStart.resume("older").atMessage("a-message")
                .forked(UUID.fromString("62257470-90c5-4e65-9bfb-3df7bedc8790"))).build();
        ClaudeCodeOptions fromPr = ClaudeCodeOptions.builder().start(SessionStart.fromPr("123").forked()).cwd(Path.of("/work")).build();
        ClaudeCodeOptions continued = ClaudeCodeOptions.builder().start(SessionStart.continueLatest()).build();

        for (ClaudeCodeOptions options : new ClaudeCodeOptions[] {forked, fromPr, continued}) {
            ClaudeCodeOptions resuming = OptionsLauncher.resuming(options, ID);
            // the whole start is replaced: no fork, new id, message limit, continue or pull request survives
            assertThat(resuming.start()).isEqualTo(new SessionStart.Resume(ID, Optional.empty(), Optional.empty()));
            assertThat(resuming.cwd()).isEqualTo(options.cwd());
        }
    }

    @Test
    void freshDropsTheConversationChoiceAndKeepsTheRest() {
        ClaudeCodeOptions fresh = OptionsLauncher.fresh(ClaudeCodeOptions.builder().start(SessionStart.resume("older").forked())
                .cwd(Path.of("/work")).model("sonnet").build());

        assertThat(fresh.start()).isEqualTo(SessionStart.newSession());
        assertThat(fresh.cwd()).contains(Path.of("/work"));
        assertThat(fresh.model()).contains("sonnet");
    }

    @Test
    void theResumeLaunchCarriesTheSessionIdAndTheExecutable() {
        OptionsLauncher launcher = new OptionsLauncher(
                ClaudeCodeOptions.builder().start(SessionStart.fromPr("123")).build(), "/opt/claude", LocalNode::instance);

        assertThat(launcher.resume(ID).spec().executable()).isEqualTo("/opt/claude");
        assertThat(launcher.resume(ID).spec().arguments()).contains("--resume=" + ID).noneMatch(argument -> argument.startsWith("--from-pr"));
        assertThat(launcher.initial().spec().arguments()).anyMatch(argument -> argument.startsWith("--from-pr"));
    }
}
