package dev.claudecode.console;

import dev.claudecode.console.session.LiveSession;
import dev.claudecode.console.session.ModelBackend;
import dev.claudecode.console.terminal.Spinner;
import dev.claudecode.console.terminal.TurnPrinter;
import dev.claudecode.message.ResultMessage;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ask}: one prompt, its answer streamed to the terminal. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ask Claude Code one question and stream the answer.")
final class AskCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "What to ask.")
    List<String> prompt;

    @Mixin
    SessionOptions session;

    @Override
    public Integer call() {
        try (ModelBackend backend = session.backend();
                Spinner spinner = new Spinner(System.err)) {
            System.err.println(backend.banner());
            TurnPrinter printer = new TurnPrinter(System.out, spinner);
            spinner.show("starting Claude Code…");
            try (LiveSession live = LiveSession.start(session.options(backend))) {
                live.subscribe(printer);
                ResultMessage result = live.submit(String.join(" ", prompt)).join();
                return result.isError() ? 1 : 0;
            } catch (CompletionException e) {
                // the printer has shown the failure
                return 1;
            }
        }
    }
}
