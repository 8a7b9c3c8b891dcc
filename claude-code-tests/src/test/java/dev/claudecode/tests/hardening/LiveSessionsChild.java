package dev.claudecode.tests.hardening;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A program that {@link JvmExitIT} runs in a JVM of its own: it starts sessions on the real CLI
 * (the API settings come from its environment), starts a turn in the first one unless told the
 * sessions stay idle, prints {@code READY} with its CLI process ids, and then ends as told:
 * {@code exit} calls {@code System.exit}, {@code uncaught} lets an exception escape {@code main},
 * {@code wait} waits for a signal from the parent.
 */
public final class LiveSessionsChild {

    private LiveSessionsChild() {
    }

    /**
     * Runs the program.
     *
     * @param args how to end, how many sessions, their working directory, and {@code busy} or {@code idle}
     * @throws Exception when a session cannot start
     */
    public static void main(String[] args) throws Exception {
        String ending = args[0];
        int count = Integer.parseInt(args[1]);
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(Path.of(args[2])).build();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(ClaudeCode.start(options));
        }
        if (args[3].equals("busy")) {
            MessageStream turn = sessions.getFirst().stream("talk slowly");
            turn.iterator().next(); // the turn runs: its system/init arrived
        }
        System.out.println("READY " + ProcessHandle.current().descendants().map(p -> Long.toString(p.pid())).toList());
        System.out.flush();
        switch (ending) {
            case "exit" -> System.exit(0);
            case "uncaught" -> throw new IllegalStateException("an exception nobody catches ends main");
            default -> Thread.sleep(Long.MAX_VALUE);
        }
    }
}
