package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.RequiredTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chat}, {@code sessions} and {@code show} in a real terminal under tmux, typed and read the way
 * a person would, against the real CLI and the offline stand-in model.
 */
class ChatTmuxIT {

    private static final Duration TURN = Duration.ofSeconds(60);
    private static final Pattern SESSION_ID = Pattern.compile("session: ([0-9a-f-]{36})");

    @TempDir
    Path temp;

    @Test
    void aConversationWithToolsSlashCommandsAndAnInterrupt() throws Exception {
        Path work = ConsoleCommands.directory(temp, "work");
        try (Tmux terminal = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(),
                ConsoleCommands.command("chat", "--offline", "--config-dir", temp.resolve("config").toString()))) {
            terminal.awaitText("(offline stand-in model) no ANTHROPIC_API_KEY", TURN);
            terminal.awaitText("/help lists the commands", TURN);

            terminal.typeLine("Run `echo hello-from-bash`");
            String screen = terminal.awaitCount("— ", 1, TURN);
            assertThat(screen).contains("⏺ Bash(echo hello-from-bash)", "⎿ hello-from-bash", "The Bash tool returned: hello-from-bash");

            terminal.typeLine("What is 5 + 3?");
            assertThat(terminal.awaitCount("— ", 2, TURN)).containsPattern("(?m)^8$").contains("— 1 turn · $");

            terminal.typeLine("/status");
            Matcher id = SESSION_ID.matcher(terminal.awaitText("permission mode: default", TURN));
            assertThat(id.find()).isTrue();

            // switching the model keeps the conversation: the follow-up continues from 8
            terminal.typeLine("/model sonnet");
            terminal.awaitText("· model: sonnet", TURN);
            terminal.typeLine("And times 2?");
            assertThat(terminal.awaitCount("— ", 3, TURN)).containsPattern("(?m)^16$");
            terminal.typeLine("/mode plan");
            terminal.awaitText("· permission mode: plan", TURN);
            terminal.typeLine("/status");
            assertThat(terminal.awaitText("model: sonnet", TURN)).contains("session: " + id.group(1));
            terminal.save("chat-1-conversation");

            terminal.typeLine("/mcp");
            terminal.awaitText("no MCP servers", TURN);
            terminal.typeLine("/context");
            terminal.awaitText("context: ", TURN);
            terminal.typeLine("/rewind 00000000-0000-0000-0000-000000000000 --dry-run");
            terminal.awaitText("error: rewinding files needs", TURN);
            terminal.typeLine("/nonsense");
            terminal.awaitText("unknown command /nonsense", TURN);

            // a new conversation does not know the earlier answer
            terminal.typeLine("/clear");
            terminal.awaitText("conversation cleared", TURN);
            terminal.typeLine("And times 2?");
            assertThat(terminal.awaitCount("— ", 4, TURN)).contains("(offline stand-in model) You said: And times 2?");

            // a long tool call, interrupted from the keyboard
            terminal.typeLine("Run `sleep 30`");
            terminal.awaitText("⏺ Bash(sleep 30)", TURN);
            terminal.typeLine("/interrupt");
            screen = terminal.awaitCount("— ", 5, Duration.ofSeconds(20));
            assertThat(screen).contains("· interrupt sent", "error: interrupted");
            terminal.save("chat-2-controls");

            terminal.typeLine("/quit");
            terminal.awaitText("[exit 0]", TURN);
            terminal.save("chat-3-quit");
        }
    }

    @Test
    void storedSessionsAreListedAndShown() throws Exception {
        Path work = ConsoleCommands.directory(temp, "project");
        String config = temp.resolve("config").toString();
        try (Tmux ask = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(),
                ConsoleCommands.command("ask", "--offline", "--config-dir", config, "What is 5 + 3?"))) {
            assertThat(ask.awaitText("[exit 0]", TURN)).containsPattern("(?m)^8$");
        }
        try (Tmux terminal = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(),
                ConsoleCommands.command("sessions", "--config-dir", config))) {
            String table = terminal.awaitText("[exit 0]", TURN);
            terminal.save("sessions-table");
            assertThat(table).containsPattern("ID +MODIFIED +MSGS +PROJECT +TITLE / FIRST PROMPT");
            Matcher row = Pattern.compile("(?m)^([0-9a-f-]{36}) +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +2 +project +(.+)$").matcher(table);
            assertThat(row.find()).as(table).isTrue();
            assertThat(row.group(2)).containsAnyOf("Offline stand-in session", "What is 5 + 3?");

            try (Tmux show = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(),
                    ConsoleCommands.command("show", "--config-dir", config, row.group(1)))) {
                String transcript = show.awaitText("[exit 0]", TURN);
                show.save("show-session");
                assertThat(transcript).contains("session " + row.group(1), "> What is 5 + 3?").containsPattern("(?m)^8$");
            }
        }
    }
}
