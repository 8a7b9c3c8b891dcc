package dev.claudecode.console.terminal;

import dev.claudecode.console.session.ContextUsageView;
import dev.claudecode.console.session.LiveSession;
import dev.claudecode.console.session.McpServerView;
import dev.claudecode.console.session.RewindView;
import dev.claudecode.console.session.SessionState;
import dev.claudecode.permission.PermissionMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The conversation loop of {@code chat}: each line typed is a prompt, queued behind the running
 * turn, or a slash command, run at once. Commands that restart the CLI run on a thread of their own
 * so that the person can still type {@code /interrupt} meanwhile.
 */
public final class ChatLoop {

    /** The commands and what they do, as {@code /help} prints them. */
    public static final List<String> HELP = List.of(
            "/model [NAME]        show or switch the model",
            "/mode [MODE]         show or switch the permission mode (default, acceptEdits, plan, ...)",
            "/interrupt           stop the running turn",
            "/clear               start a new conversation",
            "/mcp                 list the MCP servers and their state",
            "/context             show how full the context window is",
            "/rewind ID [--dry-run]  restore files to their state before a user message",
            "/status              show the session id, model and permission mode",
            "/help                show this list",
            "/quit                end the chat");

    private static final String PROMPT = "> ";

    private final LiveSession live;
    private final TerminalInput input;
    private final TurnPrinter printer;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final boolean interactive;

    /**
     * @param live the session
     * @param input what the person types
     * @param printer where everything is printed
     * @param interactive whether a person types at a terminal; only then is the prompt sign shown
     */
    public ChatLoop(LiveSession live, TerminalInput input, TurnPrinter printer, boolean interactive) {
        this.live = live;
        this.input = input;
        this.printer = printer;
        this.interactive = interactive;
    }

    /**
     * Runs until {@code /quit} or the end of the input. At the end of the input the prompts still
     * queued are answered first, so that {@code chat} also works with piped input.
     *
     * @throws InterruptedException when the thread is interrupted while waiting for input
     */
    public void run() throws InterruptedException {
        printer.line("Type a prompt and press Enter; /help lists the commands, /quit ends the chat.");
        promptWhenIdle();
        while (true) {
            Optional<String> read = input.nextLine();
            if (read.isEmpty()) {
                awaitQueuedTurns();
                return;
            }
            printer.answered();
            String line = read.get().strip();
            if (line.startsWith("/")) {
                if (!command(line)) {
                    return;
                }
                promptWhenIdle();
            } else if (!line.isEmpty()) {
                submit(line);
            } else {
                promptWhenIdle();
            }
        }
    }

    private void submit(String prompt) {
        outstanding.incrementAndGet();
        live.submit(prompt).whenComplete((result, failure) -> {
            outstanding.decrementAndGet();
            promptWhenIdle();
        });
    }

    private boolean command(String line) {
        String[] words = line.split("\\s+");
        String argument = words.length > 1 ? line.substring(line.indexOf(' ') + 1).strip() : "";
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "/quit", "/exit" -> {
                return false;
            }
            case "/help" -> HELP.forEach(printer::line);
            case "/interrupt" -> live.interrupt();
            case "/clear" -> inBackground(() -> live.clear().join());
            case "/status" -> status();
            case "/model" -> {
                if (argument.isEmpty()) {
                    printer.line("model: " + live.state().model().orElse("the CLI's default"));
                } else {
                    inBackground(() -> live.controls().setModel(argument));
                }
            }
            case "/mode" -> {
                if (argument.isEmpty()) {
                    printer.line("permission mode: " + live.state().permissionMode().orElse("default"));
                } else {
                    inBackground(() -> live.controls().setPermissionMode(PermissionMode.of(argument)));
                }
            }
            case "/mcp" -> mcp();
            case "/context" -> context();
            case "/rewind" -> rewind(words);
            default -> printer.line("unknown command " + words[0] + "; /help lists the commands");
        }
        return true;
    }

    private void status() {
        SessionState state = live.state();
        printer.line("session: " + state.sessionId().orElse("(new; the id comes with the first answer)"));
        printer.line("model: " + state.model().orElse("the CLI's default"));
        printer.line("permission mode: " + state.permissionMode().orElse("default"));
    }

    private void mcp() {
        List<McpServerView> servers = live.controls().mcpStatus();
        if (servers.isEmpty()) {
            printer.line("no MCP servers");
        }
        for (McpServerView server : servers) {
            printer.line(server.name() + "  " + server.status() + server.error().map(error -> "  " + error).orElse("")
                    + (server.tools().isEmpty() ? "" : "  tools: " + String.join(", ", server.tools())));
        }
    }

    private void context() {
        ContextUsageView usage = live.controls().contextUsage();
        printer.line(String.format(Locale.ROOT, "context: %,d tokens%s (%s)", usage.totalTokens(),
                usage.maxTokens().isPresent()
                        ? String.format(Locale.ROOT, " of %,d (%d%%)", usage.maxTokens().getAsLong(), usage.percentage().getAsLong())
                        : "",
                usage.source()));
        usage.categories().forEach(category -> printer.line(String.format(Locale.ROOT, "  %-14s %,d", category.name(), category.tokens())));
    }

    private void rewind(String[] words) {
        if (words.length < 2) {
            printer.line("usage: /rewind USER_MESSAGE_ID [--dry-run]");
            return;
        }
        boolean dryRun = List.of(words).contains("--dry-run");
        inBackground(() -> {
            RewindView view = live.controls().rewindFiles(words[1], dryRun);
            if (!view.canRewind()) {
                printer.line("cannot rewind: " + view.error().orElse("no checkpoint"));
                return;
            }
            printer.line((dryRun ? "would change " : "rewound ") + view.filesChanged().size() + " file(s), +"
                    + view.insertions() + " -" + view.deletions());
            view.filesChanged().forEach(file -> printer.line("  " + file));
        });
    }

    private void inBackground(Runnable control) {
        outstanding.incrementAndGet();
        Thread.ofVirtual().name("chat-control").start(() -> {
            try {
                control.run();
            } catch (RuntimeException e) {
                printer.line("error: " + LiveSession.describe(e));
            } finally {
                outstanding.decrementAndGet();
                promptWhenIdle();
            }
        });
    }

    private void promptWhenIdle() {
        if (interactive && outstanding.get() == 0) {
            printer.promptIfHidden(PROMPT);
        }
    }

    private void awaitQueuedTurns() throws InterruptedException {
        while (outstanding.get() > 0) {
            Thread.sleep(50);
        }
    }
}
