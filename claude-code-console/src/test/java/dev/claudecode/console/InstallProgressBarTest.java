package dev.claudecode.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.cli.InstallProgress;
import dev.claudecode.cli.InstallProgress.Stage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InstallProgressBarTest {

    private static final long TOTAL = 200L * 1024 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void aTerminalSeesOneBarRedrawnInPlaceThenTheEnd() {
        InstallProgressBar bar = new InstallProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        bar.accept(report(Stage.DOWNLOADING, TOTAL / 2));
        bar.accept(report(Stage.DOWNLOADING, TOTAL));
        bar.accept(report(Stage.VERIFYING, TOTAL));
        bar.accept(report(Stage.INSTALLED, TOTAL));

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains(" 50% 100.0 MB of 200.0 MB", "100% 200.0 MB of 200.0 MB",
                "[###############---------------]", "Claude Code CLI 2.1.332 is installed.\n");
        // each redraw returns to the start of the line and clears it, so one line is left per stage
        assertThat(shown.split("\r\033\\[2K")).hasSize(5);
        assertThat(shown.chars().filter(c -> c == '\n')).hasSize(2);
    }

    @Test
    void aLogFileSeesTheStartAndTheEndOnly() {
        InstallProgressBar bar = new InstallProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        for (long done = 0; done <= TOTAL; done += TOTAL / 10) {
            bar.accept(report(Stage.DOWNLOADING, done));
        }
        bar.accept(report(Stage.VERIFYING, TOTAL));
        bar.accept(report(Stage.INSTALLED, TOTAL));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
                Downloading Claude Code CLI 2.1.332 (first run only)…
                Verifying Claude Code CLI 2.1.332 (200.0 MB)…
                Claude Code CLI 2.1.332 is installed.
                """).doesNotContain("\033");
    }

    private static InstallProgress report(Stage stage, long done) {
        return new InstallProgress("2.1.332", stage, done, OptionalLong.of(TOTAL));
    }
}
