package dev.claudecode.console.terminal;

import dev.claudecode.control.ContextUsage;
import dev.claudecode.control.RewindResult;
import dev.claudecode.console.session.LiveSession;
import dev.claudecode.console.session.SentPrompt;
import dev.claudecode.console.session.SessionState;
import dev.claudecode.console.session.ToolSummary;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpToolInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The conversation loop of {@code chat}: each line typed is a prompt, queued behind the running
 * turn, or a slash command, run at once on a thread of its own, so that the person can still type
 * {@code /interrupt} meanwhile. With piped input each line is read only when the one before it is
 * done, so that the line after a prompt can answer that prompt's permission questions.
 */
public final class ChatLoop {

    /** The commands and what they do, as {@code /help} prints them. */
    public static final List<String> HELP = List.of(
            "/model [NAME]          show or switch the model (at once, the conversation goes on)",
            "/mode [MODE]           show or switch the permission mode: " + String.join(", ", LiveSession.PERMISSION_MODES),
            "/interrupt             stop the running turn (or Ctrl-C; Ctrl-C twice quits)",
            "/clear                 start a new conversation",
            "/mcp                   list the MCP servers, their state and tools",
            "/context               show how full the context window is",
            "/rewind                list this conversation's prompts by number",
            "/rewind N [--dry-run]  restore files to their state before prompt N (or a user message id)",
            "/status                show the session id, model and permission mode",
            "/help                  show this list",
            "/quit                  end the chat");

    private static final String PROMPT = "> ";

    private final LiveSession live;
    private final TerminalInput input;
    private final TurnPrinter printer;
    private final boolean typed;
    private int outstanding;
    private volatile Thread loop;
    private volatile boolean quitting;

    /**
     * @param live the session
     * @param input what the person types
     * @param printer where everything is printed
     * @param typed whether a person types at a terminal; only then is the prompt sign shown and
     *     are lines read while a turn runs
     */
    public ChatLoop(LiveSession live, TerminalInput input, TurnPrinter printer, boolean typed) {
        this.live = live;
        this.input = input;
        this.printer = printer;
        this.typed = typed;
    }

    /**
     * Runs until {@code /quit} or the end of the input. At the end of the input the prompts still
     * queued are answered first.
     *
     * @throws InterruptedException when the thread is interrupted while waiting for input
     */
    public void run() throws InterruptedException {
        loop = Thread.currentThread();
        try {
            converse();
        } catch (InterruptedException e) {
            if (!quitting) {
                throw e;
            }
        } finally {
            loop = null;
        }
    }

    /** Ends {@link #run()} at once, as Ctrl-C pressed twice does; what runs is stopped when the session closes. */
    public void quit() {
        printer.line("· quitting");
        quitting = true;
        Thread running = loop;
        if (running != null) {
            running.interrupt();
        }
    }

    /**
     * Shows a line of the console's own, then the input prompt again when nothing runs.
     *
     * @param text the line
     */
    public void say(String text) {
        printer.line(text);
        promptWhenIdle();
    }

    private void converse() throws InterruptedException {
        printer.line("Type a prompt and press Enter; /help lists the commands, /quit ends the chat.");
        promptWhenIdle();
        while (!quitting) {
            Optional<String> read = input.nextLine();
            if (read.isEmpty()) {
                awaitIdle();
                return;
            }
            printer.answered();
            String line = read.get().strip();
            if (line.startsWith("/")) {
                if (!command(line)) {
                    return;
                }
            } else if (!line.isEmpty()) {
                submit(line);
            }
            if (!typed) {
                awaitIdle();
            }
            promptWhenIdle();
        }
    }

    private void submit(String prompt) {
        started();
        live.submit(prompt).whenComplete((result, failure) -> finished());
    }

    private boolean command(String line) {
        String[] words = line.split("\\s+");
        String argument = words.length > 1 ? line.substring(line.indexOf(' ') + 1).strip() : "";
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "/quit", "/exit" -> {
                return false;
            }
            case "/help" -> HELP.forEach(printer::line);
            case "/interrupt" -> inBackground(live::interrupt);
            case "/clear" -> inBackground(() -> live.clear().join());
            case "/status" -> status();
            case "/model" -> {
                if (argument.isEmpty()) {
                    printer.line("model: " + live.state().model().orElse("the CLI's default"));
                } else {
                    inBackground(() -> live.setModel(argument));
                }
            }
            case "/mode" -> {
                if (argument.isEmpty()) {
                    printer.line("permission mode: " + live.state().permissionMode().orElse("default"));
                } else {
                    inBackground(() -> live.setPermissionMode(argument));
                }
            }
            case "/mcp" -> inBackground(this::mcp);
            case "/context" -> inBackground(this::context);
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
        List<McpServerStatus> servers = live.mcpStatus();
        if (servers.isEmpty()) {
            printer.line("no MCP servers");
        }
        for (McpServerStatus server : servers) {
            printer.line(server.name() + "  " + server.status() + server.error().map(error -> "  " + error).orElse("")
                    + (server.tools().isEmpty() ? "" : "  tools: " + String.join(", ", server.tools().stream().map(McpToolInfo::name).toList())));
        }
    }

    private void context() {
        ContextUsage usage = live.contextUsage();
        printer.line(String.format(Locale.ROOT, "context: %,d of %,d tokens (%.0f%%) · %s", usage.totalTokens(), usage.maxTokens(),
                usage.percentage(), usage.model()));
        usage.categories().forEach(category ->
                printer.line(String.format(Locale.ROOT, "  %-22s %,9d", category.name(), category.tokens())));
    }

    private void rewind(String[] words) {
        List<String> arguments = new ArrayList<>(List.of(words).subList(1, words.length));
        boolean dryRun = arguments.remove("--dry-run");
        if (arguments.isEmpty()) {
            List<SentPrompt> prompts = live.prompts();
            if (prompts.isEmpty()) {
                printer.line("no prompts in this conversation yet");
            }
            prompts.forEach(prompt -> printer.line(String.format(Locale.ROOT, "  #%-3d %s  (%s)", prompt.number(),
                    ToolSummary.oneLine(prompt.text(), 60), prompt.messageId())));
            printer.line("usage: /rewind N [--dry-run] restores files to their state before prompt N");
            return;
        }
        String reference = arguments.getFirst();
        inBackground(() -> {
            RewindResult result = live.rewindFiles(reference, dryRun);
            if (!result.canRewind()) {
                printer.line("cannot rewind: " + result.error().orElse("no checkpoint"));
            } else if (dryRun) {
                printer.line("would change " + result.filesChanged().size() + " file(s), +" + result.insertions().orElse(0)
                        + " -" + result.deletions().orElse(0));
                result.filesChanged().forEach(file -> printer.line("  " + file));
            }
        });
    }

    private void inBackground(Runnable control) {
        started();
        Thread.ofVirtual().name("chat-control").start(() -> {
            try {
                control.run();
            } catch (RuntimeException e) {
                printer.line("error: " + LiveSession.describe(e));
            } finally {
                finished();
            }
        });
    }

    private synchronized void started() {
        outstanding++;
    }

    private void finished() {
        synchronized (this) {
            outstanding--;
            notifyAll();
        }
        promptWhenIdle();
    }

    private synchronized void awaitIdle() throws InterruptedException {
        while (outstanding > 0) {
            wait();
        }
    }

    private void promptWhenIdle() {
        if (!typed) {
            return;
        }
        synchronized (this) {
            if (outstanding > 0) {
                return;
            }
        }
        printer.promptIfHidden(PROMPT);
    }
}
