package dev.claudecode.console;

import dev.claudecode.console.session.ModelBackend;
import dev.claudecode.console.web.WebConsole;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the web console, on loopback unless told otherwise. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web console: list sessions, open live ones, approve tool uses, switch model and mode.",
            "It listens on 127.0.0.1 unless --host says otherwise; anyone who can reach it can run commands here."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    SessionOptions session;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8484", description = "The port to listen on; 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        ModelBackend backend = session.backend();
        WebConsole console;
        try {
            console = WebConsole.start(new WebConsole.Settings(host, port, session.options(backend), backend.isOffline(),
                    backend.banner(), backend.configDir()));
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
        System.out.println("claude-code console: " + console.uri() + "  (Ctrl-C stops it)");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
