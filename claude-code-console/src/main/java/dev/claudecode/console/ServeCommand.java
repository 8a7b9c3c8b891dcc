package dev.claudecode.console;

import dev.claudecode.console.session.ModelBackend;
import dev.claudecode.console.web.WebConsole;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code serve}: the web console, on loopback unless told otherwise, behind a per-run access token. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web console: list sessions, open live ones, approve tool uses,",
            "switch model and mode. It listens on 127.0.0.1 unless --host says otherwise.",
            "Every request needs this run's access token: open the address printed at",
            "start, which carries it (the page swaps it for a cookie). Whoever has that",
            "address can run commands here. A --host that is not loopback needs",
            "--allow-origin for each address the page is opened at; requests naming any",
            "other host or origin are refused."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    SessionOptions session;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8484", description = "The port to listen on; 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--allow-origin", split = ",", paramLabel = "ORIGIN",
            description = "An origin the page is opened at, such as http://devbox.example:8484 (without a port: the console's);"
                    + " required for a --host that is not loopback. Repeatable.")
    List<String> allowOrigins = List.of();

    @Option(names = "--max-sessions", defaultValue = "8", description = "How many live sessions may be open at once (default: ${DEFAULT-VALUE}).")
    int maxSessions;

    @Override
    public Integer call() throws InterruptedException {
        ModelBackend backend = session.backend();
        WebConsole console;
        try {
            WebConsole.Limits limits = new WebConsole.Limits(maxSessions, WebConsole.Limits.DEFAULT.pagesPerSession(),
                    WebConsole.Limits.DEFAULT.queuedEvents());
            console = WebConsole.start(new WebConsole.Settings(host, port, session.options(backend), backend.isOffline(),
                    backend.banner(), backend.configDir(), allowOrigins, limits));
        } catch (IllegalArgumentException e) {
            backend.close();
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (backend) {
                console.close();
            } finally {
                stopped.countDown();
            }
        }, "console-shutdown"));
        System.err.println(backend.banner());
        // the only place the token is shown
        System.out.println("claude-code console: " + console.signInUri() + "  (Ctrl-C stops it)");
        System.out.println("  the address carries this run's access token: whoever has it can run commands here");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
