package dev.claudecode.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, run in-process against the real CLI and the offline stand-in model. */
class AskCommandIT {

    @TempDir
    Path cwd;

    @Test
    void asksOfflineAndPrintsTheAnswerAndAClosingLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = Main.run("ask", "--offline", "--cwd", cwd.toString(), "What is 5 + 3?");
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed + err).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("offline stand-in model");
        assertThat(printed).startsWith("8").containsPattern("— 1 turn · cost \\$[0-9.]+ · session total \\$[0-9.]+ · [0-9.]+ s");
    }
}
