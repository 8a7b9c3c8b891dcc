package dev.claudecode.console;

import dev.claudecode.ClaudeCode;
import dev.claudecode.ClaudeCodeOptions;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.cli.CliResolver;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.permission.PermissionMode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ask}: one prompt, its answer streamed to the terminal. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ask Claude Code one question and stream the answer.")
final class AskCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "What to ask.")
    List<String> prompt;

    @Option(names = "--model", description = "The model, e.g. sonnet or opus.")
    String model;

    @Option(names = "--cwd", description = "The directory Claude Code works in (default: the current one).")
    Path cwd;

    @Option(names = "--permission-mode", description = "default, acceptEdits, plan, bypassPermissions, ...")
    String permissionMode;

    @Option(names = "--allowed-tools", split = ",", description = "Tools that run without asking, e.g. Bash,Read.")
    List<String> allowedTools;

    @Option(names = "--max-turns", description = "The most model turns the answer may take.")
    Integer maxTurns;

    @Option(names = "--offline", description = "Use the built-in offline stand-in model even when ANTHROPIC_API_KEY is set.")
    boolean offline;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        try (ModelBackend backend = ModelBackend.choose(offline, System.getenv());
                Spinner spinner = new Spinner(System.err)) {
            System.err.println(backend.banner());
            ClaudeCodeOptions options = options(backend);
            TurnPrinter printer = new TurnPrinter(out, spinner);
            spinner.show("starting Claude Code…");
            try (Session session = ClaudeCode.start(options);
                    MessageStream turn = session.stream(String.join(" ", prompt))) {
                ResultMessage result = null;
                for (Message message : turn) {
                    printer.print(message);
                    if (message instanceof ResultMessage done) {
                        result = done;
                    }
                }
                return result != null && !result.isError() ? 0 : 1;
            }
        }
    }

    private ClaudeCodeOptions options(ModelBackend backend) {
        ClaudeCodeOptions.Builder options = ClaudeCodeOptions.builder()
                .cliPath(CliResolver.builder().autoInstall(true).build().resolve().path())
                .cwd(cwd != null ? cwd.toAbsolutePath() : Path.of("").toAbsolutePath())
                .env(backend.environment())
                .includePartialMessages(true);
        if (model != null) {
            options.model(model);
        }
        if (permissionMode != null) {
            options.permissionMode(PermissionMode.of(permissionMode));
        }
        if (allowedTools != null) {
            options.allowedTools(allowedTools);
        }
        if (maxTurns != null) {
            options.maxTurns(maxTurns);
        }
        return options.build();
    }
}
