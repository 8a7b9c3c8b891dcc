package dev.claudecode.console;

import dev.claudecode.console.session.LiveSession;
import dev.claudecode.console.session.ModelBackend;
import dev.claudecode.console.terminal.ChatLoop;
import dev.claudecode.console.terminal.Spinner;
import dev.claudecode.console.terminal.Terminal;
import dev.claudecode.console.terminal.TerminalInput;
import dev.claudecode.console.terminal.TurnPrinter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chat}: a multi-turn session at the terminal, with slash commands. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Hold a conversation with Claude Code at the terminal.",
            "Type prompts; /help lists the commands (/model, /mode, /interrupt, /clear, /mcp, /context, /rewind, /quit)."})
final class ChatCommand implements Callable<Integer> {

    @Mixin
    SessionOptions session;

    @Option(names = "--resume", paramLabel = "SESSION_ID", description = "Continue a stored session.")
    String resume;

    @Override
    public Integer call() throws InterruptedException {
        try (ModelBackend backend = session.backend();
                Spinner spinner = new Spinner(System.err);
                TerminalInput input = new TerminalInput(System.in, Charset.defaultCharset())) {
            System.err.println(backend.banner());
            boolean interactive = Terminal.isInteractive();
            TurnPrinter printer = new TurnPrinter(System.out, spinner, !interactive);
            spinner.show("starting Claude Code…");
            var options = session.options(backend);
            if (resume != null) {
                options = options.toBuilder().resume(resume).build();
            }
            try (LiveSession live = LiveSession.start(options)) {
                spinner.hide();
                live.subscribe(printer);
                new ChatLoop(live, input, printer, interactive).run();
            }
            return 0;
        }
    }
}
