package dev.claudecode.console;

import dev.claudecode.console.session.LiveSession;
import dev.claudecode.console.session.ModelBackend;
import dev.claudecode.console.terminal.ChatLoop;
import dev.claudecode.console.terminal.CtrlC;
import dev.claudecode.console.terminal.DetachedTransport;
import dev.claudecode.console.terminal.Spinner;
import dev.claudecode.console.terminal.Terminal;
import dev.claudecode.console.terminal.TerminalInput;
import dev.claudecode.console.terminal.TerminalPermissionPrompt;
import dev.claudecode.console.terminal.TurnPrinter;
import dev.claudecode.options.SessionStart;
import dev.claudecode.transport.LocalTransport;
import dev.claudecode.transport.Transport;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chat}: a multi-turn session at the terminal, with slash commands. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Hold a conversation with Claude Code at the terminal.",
            "Type prompts; /help lists the commands (/model, /mode, /interrupt, /clear, /mcp, /context, /rewind, /quit).",
            "Ctrl-C interrupts the running turn; pressed twice it quits.",
            "Tool uses that need permission are asked about: answer y, n or always. With piped input, the line after",
            "a prompt answers its questions."})
final class ChatCommand implements Callable<Integer> {

    @Mixin
    SessionOptions session;

    @Option(names = "--resume", paramLabel = "SESSION_ID", description = "Continue a stored session.")
    String resume;

    @Override
    public Integer call() throws InterruptedException {
        boolean typed = Terminal.isInteractive();
        try (ModelBackend backend = session.backend();
                Spinner spinner = new Spinner(System.err);
                TerminalInput input = new TerminalInput(System.in, Charset.defaultCharset(), !typed)) {
            System.err.println(backend.banner());
            TurnPrinter printer = new TurnPrinter(System.out, spinner, typed);
            spinner.show("starting Claude Code…");
            var options = session.options(backend);
            if (resume != null) {
                options = options.toBuilder().start(SessionStart.resume(resume)).build();
            }
            // at a terminal the CLI runs apart from it, so that Ctrl-C reaches the console only
            Transport transport = typed ? DetachedTransport.create() : LocalTransport.create();
            try (LiveSession live = LiveSession.start(options, new TerminalPermissionPrompt(input, printer), transport)) {
                spinner.hide();
                live.subscribe(printer);
                ChatLoop loop = new ChatLoop(live, input, printer, typed);
                if (typed) {
                    new CtrlC(live::isBusy, () -> interrupt(live, printer), loop::quit, loop::say, System::nanoTime).install();
                }
                loop.run();
            }
            return 0;
        }
    }

    private static void interrupt(LiveSession live, TurnPrinter printer) {
        try {
            live.interrupt();
        } catch (RuntimeException e) {
            printer.line("error: " + LiveSession.describe(e));
        }
    }
}
