package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.RequiredTools;
import dev.claudecode.console.session.OfflineModel;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chat}, {@code sessions} and {@code show} in a real terminal under tmux, typed and read the way
 * a person would, against the real CLI: with the offline stand-in model, and with a
 * {@link FakeClaudeApi} whose scripted replies make the model call tools that need permission.
 */
class ChatTmuxIT {

    private static final Duration TURN = Duration.ofSeconds(60);
    private static final String OTHER_MODEL = "claude-fake-model-b";
    private static final Pattern SESSION_ID = Pattern.compile("session: ([0-9a-f-]{36})");

    @TempDir
    Path temp;

    @Test
    void aConversationWithToolsSlashCommandsAndAnInterrupt() throws Exception {
        Path work = ConsoleCommands.directory(temp, "work");
        try (Tmux terminal = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("chat", "--offline", "--config-dir", temp.resolve("config").toString()))) {
            terminal.awaitText("(offline stand-in model) no ANTHROPIC_API_KEY", TURN);
            terminal.awaitText("/help lists the commands", TURN);

            terminal.typeLine("Run `echo hello-from-bash`");
            String screen = terminal.awaitTurnsEnded(1, TURN);
            assertThat(screen).contains("⏺ Bash(echo hello-from-bash)", "⎿ hello-from-bash", "The Bash tool returned: hello-from-bash");

            terminal.typeLine("What is 5 + 3?");
            assertThat(terminal.awaitTurnsEnded(2, TURN)).containsPattern("(?m)^8$").contains("— 1 turn · cost $");

            terminal.typeLine("/status");
            Matcher id = SESSION_ID.matcher(terminal.awaitText("permission mode: default", TURN));
            assertThat(id.find()).isTrue();

            // switching the model keeps the conversation: the follow-up continues from 8
            terminal.typeLine("/model sonnet");
            terminal.awaitText("· model: sonnet", TURN);
            terminal.typeLine("And times 2?");
            assertThat(terminal.awaitTurnsEnded(3, TURN)).containsPattern("(?m)^16$");
            terminal.typeLine("/mode plan");
            terminal.awaitText("· permission mode: plan", TURN);
            terminal.typeLine("/status");
            assertThat(terminal.awaitText("model: sonnet", TURN)).contains("session: " + id.group(1));
            terminal.save("chat-1-conversation");

            terminal.typeLine("/mcp");
            terminal.awaitText("no MCP servers", TURN);
            terminal.typeLine("/context");
            terminal.awaitText("context: ", TURN);
            terminal.typeLine("/rewind 9 --dry-run");
            terminal.awaitText("error: this conversation has no prompt #9", TURN);
            terminal.typeLine("/nonsense");
            terminal.awaitText("unknown command /nonsense", TURN);

            // a new conversation does not know the earlier answer
            terminal.typeLine("/clear");
            terminal.awaitText("conversation cleared", TURN);
            terminal.typeLine("And times 2?");
            assertThat(terminal.awaitTurnsEnded(4, TURN)).contains("(offline stand-in model) You said: And times 2?");

            // a long tool call, interrupted from the keyboard
            // not a lone sleep, which 2.1.332 refuses to run ("Blocked: standalone sleep 30")
            terminal.typeLine("Run `echo waiting; sleep 30`");
            terminal.awaitText("⏺ Bash(echo waiting; sleep 30)", TURN);
            terminal.typeLine("/interrupt");
            screen = terminal.awaitTurnsEnded(5, Duration.ofSeconds(20));
            assertThat(screen).contains("· interrupt sent", "error: interrupted");
            terminal.save("chat-2-controls");

            terminal.typeLine("/quit");
            terminal.awaitText("[exit 0]", TURN);
            terminal.save("chat-3-quit");
        }
    }

    @Test
    void permissionPromptsModelModeAndRewindAgainstScriptedReplies() throws Exception {
        Path work = ConsoleCommands.directory(temp, "scripted");
        Path made = work.resolve("made.txt");
        Path notes = work.resolve("notes.txt");
        try (FakeClaudeApi api = FakeClaudeApi.builder().defaultReply(OfflineModel.reply()).start()) {
            Map<String, String> environment = new HashMap<>(api.environment());
            environment.putAll(ConsoleCommands.environment(temp));
            try (Tmux terminal = Tmux.start(RequiredTools.tmux(), work, environment, ConsoleCommands.command("chat"))) {
                terminal.awaitText("/help lists the commands", TURN);

                // a real permission prompt of the CLI, answered y: the tool runs
                api.enqueue(Reply.toolUse("Bash", Map.of("command", "touch made.txt", "description", "Create a file")));
                terminal.typeLine("Make a file");
                terminal.awaitText("Allow Bash(touch made.txt)? [y/N/always]", TURN);
                terminal.save("permission-1-question");
                terminal.typeLine("y");
                assertThat(terminal.awaitTurnsEnded(1, TURN)).contains("allowed once");
                assertThat(lastToolResult(api).isError()).isFalse();
                assertThat(made).exists();

                // answered n: the model reads the refusal, the file stays
                api.enqueue(Reply.toolUse("Bash", Map.of("command", "rm made.txt", "description", "Delete the file")));
                terminal.typeLine("Remove it");
                terminal.awaitText("Allow Bash(rm made.txt)? [y/N/always]", TURN);
                terminal.typeLine("n");
                assertThat(terminal.awaitTurnsEnded(2, TURN)).contains("  denied");
                assertThat(lastToolResult(api)).satisfies(result -> {
                    assertThat(result.isError()).isTrue();
                    assertThat(result.text()).contains("denied");
                });
                assertThat(made).exists();

                // the model switched on the live CLI: the next request to the API names it
                terminal.typeLine("/model " + OTHER_MODEL);
                terminal.awaitText("· model: " + OTHER_MODEL, TURN);
                terminal.typeLine("What is 5 + 3?");
                terminal.awaitTurnsEnded(3, TURN);
                assertThat(api.lastMainRequest().flatMap(RecordedRequest::model)).contains(OTHER_MODEL);

                // in acceptEdits mode the CLI writes files without asking
                terminal.typeLine("/mode acceptEdits");
                terminal.awaitText("· permission mode: acceptEdits", TURN);
                api.enqueue(Reply.toolUse("Write", Map.of("file_path", notes.toString(), "content", "first draft\n")));
                terminal.typeLine("Write the notes");
                terminal.awaitTurnsEnded(4, TURN);
                api.enqueue(Reply.toolUse("Read", Map.of("file_path", notes.toString())),
                        Reply.toolUse("Write", Map.of("file_path", notes.toString(), "content", "second draft\n")));
                terminal.typeLine("Rewrite the notes");
                String rewritten = terminal.awaitTurnsEnded(5, TURN);
                assertThat(rewritten).doesNotContain("Allow Write(");
                assertThat(notes).as(rewritten).hasContent("second draft");

                // rewinding to before prompt #5 restores the first draft
                terminal.typeLine("/rewind");
                terminal.awaitText("#5   Rewrite the notes", TURN);
                terminal.typeLine("/rewind 5 --dry-run");
                terminal.awaitText("would change 1 file(s)", TURN);
                assertThat(notes).hasContent("second draft");
                terminal.typeLine("/rewind 5");
                terminal.awaitText("· files restored to their state before #5 (Rewrite the notes)", TURN);
                assertThat(notes).hasContent("first draft");
                terminal.typeLine("/status");
                terminal.awaitText("permission mode: acceptEdits", TURN);
                terminal.save("permission-2-controls");

                terminal.typeLine("/quit");
                terminal.awaitText("[exit 0]", TURN);
            }
        }
    }

    private static ToolResult lastToolResult(FakeClaudeApi api) {
        return api.lastMainRequest().orElseThrow().toolResults().getLast();
    }

    @Test
    void storedSessionsAreListedAndShown() throws Exception {
        Path work = ConsoleCommands.directory(temp, "project");
        String config = temp.resolve("config").toString();
        try (Tmux ask = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("ask", "--offline", "--config-dir", config, "What is 5 + 3?"))) {
            assertThat(ask.awaitText("[exit 0]", TURN)).containsPattern("(?m)^8$");
        }
        try (Tmux terminal = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                ConsoleCommands.command("sessions", "--config-dir", config))) {
            String table = terminal.awaitText("[exit 0]", TURN);
            terminal.save("sessions-table");
            assertThat(table).containsPattern("ID +MODIFIED +MSGS +PROJECT +TITLE / FIRST PROMPT");
            Matcher row = Pattern.compile("(?m)^([0-9a-f-]{36}) +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +2 +project +(.+)$").matcher(table);
            assertThat(row.find()).as(table).isTrue();
            assertThat(row.group(2)).containsAnyOf("Offline stand-in session", "What is 5 + 3?");

            try (Tmux show = Tmux.start(RequiredTools.tmux(), work, ConsoleCommands.environment(temp),
                    ConsoleCommands.command("show", "--config-dir", config, row.group(1)))) {
                String transcript = show.awaitText("[exit 0]", TURN);
                show.save("show-session");
                assertThat(transcript).contains("session " + row.group(1), "> What is 5 + 3?").containsPattern("(?m)^8$");
            }
        }
    }
}
