package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claudecode.console.RequiredTools;
import dev.claudecode.console.session.OfflineModel;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console behaving like Claude Code, typed and read under tmux against the real CLI: Ctrl-C
 * interrupts the running turn and pressed twice quits; API retries show as they happen; each turn
 * shows its own cost and the session's total; {@code show} takes the start of an id; {@code help}
 * is a command; an unknown permission mode is refused before any CLI starts.
 */
class ConsoleBehaviourTmuxIT {

    private static final Duration TURN = Duration.ofSeconds(60);
    private static final Pattern COSTS = Pattern.compile("(?m)^— 1 turn · cost \\$([0-9.]+) · session total \\$([0-9.]+) · [0-9.]+ s$");

    @TempDir
    Path temp;

    @Test
    void ctrlCInterruptsTheTurnAndTwiceQuitsAndCostsAreLabelled() throws Exception {
        Path work = ConsoleCommands.directory(temp, "work");
        try (Tmux terminal = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("chat", "--offline", "--config-dir", temp.resolve("config").toString()))) {
            terminal.awaitText("/help lists the commands", TURN);

            terminal.typeLine("What is 5 + 3?");
            terminal.awaitTurnsEnded(1, TURN);
            terminal.typeLine("And times 2?");
            String screen = terminal.awaitTurnsEnded(2, TURN);
            List<double[]> costs = costs(screen);
            assertThat(costs).hasSize(2);
            assertThat(costs.get(0)[0]).as("the first turn's cost is the session's total").isEqualTo(costs.get(0)[1]);
            assertThat(costs.get(1)[1]).as("the total grows by the turn's cost").isCloseTo(costs.get(0)[1] + costs.get(1)[0], within(0.00015));
            assertThat(costs.get(1)[1]).isGreaterThan(costs.get(0)[1]);

            // a long tool call, interrupted with Ctrl-C: the turn ends, the chat and its CLI go on
            terminal.typeLine("Run `echo waiting; sleep 30`");
            terminal.awaitText("⏺ Bash(echo waiting; sleep 30)", TURN);
            terminal.keys("C-c");
            screen = terminal.awaitTurnsEnded(3, Duration.ofSeconds(20));
            assertThat(screen).contains("· Ctrl-C: interrupting the turn (press it again to quit)", "error: interrupted");
            terminal.save("ctrl-c-1-interrupted");
            // (the stand-in model's answer speaks of the refused tool; what counts is that the CLI answers)
            terminal.typeLine("What is 2 + 2?");
            assertThat(terminal.awaitTurnsEnded(4, TURN)).doesNotContain("[exit");

            // between turns, and long after the last press, one press only says how to quit; the chat goes on
            Thread.sleep(CtrlC.AGAIN.toMillis() + 500);
            terminal.keys("C-c");
            terminal.awaitText("· press Ctrl-C again to quit", TURN);
            Thread.sleep(CtrlC.AGAIN.toMillis() + 500);
            terminal.typeLine("What is 3 + 3?");
            assertThat(terminal.awaitTurnsEnded(5, TURN)).doesNotContain("[exit");

            // twice quits; pressed as a person does, not within the same instant (the terminal would
            // merge two signals sent at once, and each Ctrl-C discards output the terminal has not shown yet)
            Thread.sleep(500);
            terminal.keys("C-c");
            terminal.await(text -> text.split("· press Ctrl-C again to quit", -1).length == 3, "a second hint", TURN);
            Thread.sleep(300);
            terminal.keys("C-c");
            screen = terminal.awaitText("[exit 0]", TURN);
            terminal.save("ctrl-c-2-quit");
            assertThat(screen).contains("· quitting");
        }
    }

    @Test
    void apiRetriesAreShownAsTheyHappen() throws Exception {
        Path work = ConsoleCommands.directory(temp, "work");
        try (FakeClaudeApi api = FakeClaudeApi.builder().defaultReply(OfflineModel.reply()).start()) {
            Map<String, String> environment = new HashMap<>(api.environment());
            environment.putAll(ConsoleCommands.environment(temp));
            api.enqueue(Reply.error(500), Reply.error(500));
            try (Tmux ask = Tmux.start(RequiredTools.tmux(), work, environment, ConsoleCommands.command("ask", "What is 5 + 3?"))) {
                String screen = ask.awaitText("[exit 0]", TURN);
                ask.save("api-retries");
                assertThat(screen).containsPattern("(?m)^· API error 500 \\(server_error\\): retrying in \\d+\\.\\d s, attempt 1/\\d+$")
                        .containsPattern("(?m)^· API error 500 \\(server_error\\): retrying in \\d+\\.\\d s, attempt 2/\\d+$")
                        .containsPattern("(?m)^8$");
            }
        }
    }

    @Test
    void showTakesTheStartOfAnIdHelpIsACommandAndBadModesAreRefusedFirst() throws Exception {
        Path work = ConsoleCommands.directory(temp, "project");
        String config = temp.resolve("config").toString();
        try (Tmux ask = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("ask", "--offline", "--config-dir", config, "What is 5 + 3?"))) {
            ask.awaitText("[exit 0]", TURN);
        }
        String id;
        try (Tmux sessions = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("sessions", "--config-dir", config))) {
            Matcher row = Pattern.compile("(?m)^([0-9a-f-]{36}) ").matcher(sessions.awaitText("[exit 0]", TURN));
            assertThat(row.find()).isTrue();
            id = row.group(1);
        }
        try (Tmux show = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("show", "--config-dir", config, id.substring(0, 6)))) {
            assertThat(show.awaitText("[exit 0]", TURN)).contains("session " + id, "> What is 5 + 3?");
            show.save("show-by-prefix");
        }
        String unknown = id.startsWith("f") ? "0000" : "ffff";
        try (Tmux show = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("show", "--config-dir", config, unknown))) {
            assertThat(show.awaitText("[exit 2]", TURN)).contains("no stored session id starts with " + unknown);
        }

        try (Tmux help = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp), ConsoleCommands.command("help"))) {
            assertThat(help.awaitText("[exit 0]", TURN)).contains("Usage: claude-code", "ask", "chat", "sessions", "show", "serve", "help");
        }
        try (Tmux help = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("help", "chat"))) {
            assertThat(help.awaitText("[exit 0]", TURN)).contains("Usage: claude-code chat", "Ctrl-C interrupts the running turn");
        }

        try (Tmux chat = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("chat", "--offline", "--permission-mode", "yolo"))) {
            String screen = chat.awaitText("[exit 2]", TURN);
            chat.save("bad-permission-mode");
            assertThat(screen).contains("unknown permission mode \"yolo\"; one of default, acceptEdits, plan, auto, dontAsk, bypassPermissions")
                    .as("refused before anything starts").doesNotContain("no ANTHROPIC_API_KEY is set", "starting Claude Code");
        }
    }

    private static List<double[]> costs(String screen) {
        List<double[]> costs = new ArrayList<>();
        Matcher line = COSTS.matcher(screen);
        while (line.find()) {
            costs.add(new double[] {Double.parseDouble(line.group(1)), Double.parseDouble(line.group(2))});
        }
        return costs;
    }
}
