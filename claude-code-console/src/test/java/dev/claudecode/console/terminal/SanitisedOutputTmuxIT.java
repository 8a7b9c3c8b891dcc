package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.RequiredTools;
import dev.claudecode.console.session.OfflineModel;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model (and a tool) that answer with terminal escape sequences: an OSC 52 clipboard write, an
 * erase-line, and a bare carriage return that would print over the text before it. Under tmux with
 * {@code set-clipboard on}, a raw OSC 52 sequence would become a tmux paste buffer and the carriage
 * return would leave only the text after it; the console shows them escaped, in {@code ask} and in
 * {@code show}, and no buffer appears.
 */
class SanitisedOutputTmuxIT {

    private static final Duration TURN = Duration.ofSeconds(60);
    private static final String ESC = "\u001b";
    private static final String OSC52 = ESC + "]52;c;cm0gLXJmIH4=\u0007";

    @TempDir
    Path temp;

    @Test
    void escapeSequencesFromTheModelAndToolsAreShownNotObeyed() throws Exception {
        Path work = ConsoleCommands.directory(temp, "work");
        try (FakeClaudeApi api = FakeClaudeApi.builder().defaultReply(OfflineModel.reply()).start()) {
            Map<String, String> environment = new HashMap<>(api.environment());
            environment.putAll(ConsoleCommands.environment(temp));
            api.enqueue(Reply.toolUse("Bash", Map.of("command", "printf 'tool\\033]52;c;dG9vbA==\\007out\\n'", "description", "Print")),
                    Reply.text("copied " + OSC52 + " then safe\rEVIL and " + ESC + "[2Kkept"));
            String screen;
            try (Tmux ask = Tmux.start(RequiredTools.tmux(), work, environment,
                    ConsoleCommands.command("ask", "--allowed-tools", "Bash", "Copy something"))) {
                ask.option("set-clipboard", "on");
                screen = ask.awaitText("[exit 0]", TURN);
                ask.save("sanitised-ask");
                assertThat(ask.buffers()).as("no OSC 52 write reached tmux").isEmpty();
            }
            assertThat(screen).contains("copied \\x1b]52;c;cm0gLXJmIH4=\\x07 then safe\\rEVIL and \\x1b[2Kkept")
                    .contains("⏺ Bash(printf 'tool\\033]52;c;dG9vbA==\\007out\\n')");
            assertThat(screen).as("the tool's output arrives escaped or stripped, never raw").containsPattern("⎿ tool(\\\\x1b]52;c;dG9vbA==\\\\x07)?out");

            String config = api.configDir().toString();
            String sessionId;
            try (Tmux sessions = Tmux.start(RequiredTools.tmux(), work, environment, ConsoleCommands.command("sessions", "--config-dir", config))) {
                Matcher row = Pattern.compile("(?m)^([0-9a-f-]{36}) ").matcher(sessions.awaitText("[exit 0]", TURN));
                assertThat(row.find()).isTrue();
                sessionId = row.group(1);
            }
            try (Tmux show = Tmux.start(RequiredTools.tmux(), work, environment,
                    ConsoleCommands.command("show", "--config-dir", config, sessionId))) {
                show.option("set-clipboard", "on");
                String transcript = show.awaitText("[exit 0]", TURN);
                show.save("sanitised-show");
                assertThat(transcript).contains("copied \\x1b]52;c;cm0gLXJmIH4=\\x07 then safe\\rEVIL and \\x1b[2Kkept");
                assertThat(show.buffers()).isEmpty();
            }
        }
    }
}
