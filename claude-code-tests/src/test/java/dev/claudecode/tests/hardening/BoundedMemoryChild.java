package dev.claudecode.tests.hardening;

import dev.claudecode.ClaudeCode;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.options.ClaudeCodeOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A program that {@link BoundedMemoryIT} runs in a JVM with a small heap ({@code -Xmx256m}): it runs
 * one turn of the {@code unbounded-output.sh} stand-in in the mode given, prints one line {@code
 * OUTCOME <exception or result> | <details>} and one {@code TOOK <ms> ms}, then runs an ordinary turn on a new session to show the
 * JVM and the library still work, and prints {@code ALIVE} with the heap it used at most.
 */
public final class BoundedMemoryChild {

    private BoundedMemoryChild() {
    }

    /**
     * Runs the program.
     *
     * @param args the stand-in, its mode, the working directory, and the stdout line cap to set ({@code default} for none)
     * @throws Exception when the final ordinary turn fails
     */
    public static void main(String[] args) throws Exception {
        Path cli = Path.of(args[0]);
        String mode = args[1];
        Path cwd = Path.of(args[2]);
        AtomicLong peak = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        ClaudeCodeOptions.Builder options = ClaudeCodeOptions.builder().cliPath(cli).cwd(cwd).env("UNBOUNDED_MODE", mode);
        if (!args[3].equals("default")) {
            options.maxStdoutLineBytes(Integer.parseInt(args[3]));
        }
        long started = System.nanoTime();
        String outcome;
        try (Session session = ClaudeCode.start(options.build()); MessageStream turn = session.stream("go")) {
            long messages = 0;
            long expected = 0;
            boolean inOrder = true;
            ResultMessage result = null;
            for (Message message : turn) {
                if (message instanceof AssistantMessage assistant) {
                    String text = assistant.text();
                    inOrder &= text.startsWith(expected + " ");
                    expected++;
                    if (messages++ % 50 == 0) {
                        Thread.sleep(20); // the slow consumer
                    }
                } else if (message instanceof ResultMessage done) {
                    result = done;
                }
            }
            outcome = "RESULT " + (result == null ? "none" : result.result().orElse("")) + " | " + messages + " assistant messages, in order: " + inOrder;
        } catch (Throwable e) {
            outcome = e.getClass().getName() + " | " + e.getMessage()
                    + (e instanceof dev.claudecode.errors.CliProcessException cli2 ? " | exit " + cli2.exitStatus() + " | tail: "
                            + tail(cli2.stderrTail()) : "");
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.println("OUTCOME " + outcome.replace('\n', '/'));
        System.out.println("TOOK " + ms + " ms");
        // the JVM survived: an ordinary turn on a new session works
        try (Session session = ClaudeCode.start(options.env("UNBOUNDED_MODE", "none").build())) {
            session.query("warm");
            String second = session.query("hello").result().orElse("");
            sampler.interrupt();
            System.out.println("ALIVE " + second + " | heap peak " + peak.get() + " of " + Runtime.getRuntime().maxMemory());
        }
        System.out.flush();
        System.exit(0);
    }

    private static String tail(String text) {
        return text.length() > 200 ? text.substring(0, 100) + " … " + text.substring(text.length() - 100) : text;
    }
}
