package dev.claudecode.internal.cli;

import dev.claudecode.errors.CliInstallException;
import dev.claudecode.errors.CliVersionMismatchException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs {@code <binary> --version} and checks that it names the expected version. */
public final class VersionCheck {

    private static final int TEXT_FILE_BUSY_RETRIES = 5;

    private VersionCheck() {
    }

    /**
     * Checks a binary.
     *
     * @param binary the executable
     * @param expected the version it must report, e.g. {@code 2.1.197}
     * @param timeout how long it may take to answer; it is killed after that
     * @throws CliVersionMismatchException when it reports another version
     * @throws CliInstallException when it cannot be run, fails, or does not answer in time
     * @throws InterruptedException when the calling thread is interrupted
     */
    public static void verify(Path binary, String expected, Duration timeout) throws InterruptedException {
        BoundedProcess.Result result = run(binary, timeout).orElseThrow(() -> new CliInstallException(
                "The Claude Code CLI " + binary + " did not answer --version within " + timeout.toSeconds() + " s"));
        String output = result.output().strip();
        if (result.exitCode() != 0) {
            throw new CliInstallException("The Claude Code CLI " + binary + " --version exited with status "
                    + result.exitCode() + (output.isEmpty() ? "" : ": " + output));
        }
        String firstLine = output.lines().findFirst().orElse("").strip();
        if (!reports(firstLine, expected)) {
            throw new CliVersionMismatchException(binary.toString(), expected, firstLine);
        }
    }

    /**
     * Whether a {@code --version} line names a version: it must start with it, followed by the end
     * of the line or a non-version character, so that {@code 2.1.19} does not accept {@code 2.1.197}.
     *
     * @param line the first line of output, e.g. {@code 2.1.197 (Claude Code)}
     * @param version the version
     * @return whether they match
     */
    public static boolean reports(String line, String version) {
        if (!line.startsWith(version)) {
            return false;
        }
        if (line.length() == version.length()) {
            return true;
        }
        char next = line.charAt(version.length());
        return !(Character.isLetterOrDigit(next) || next == '.' || next == '-' || next == '+');
    }

    // Linux refuses to exec a file that any process still has open for writing (ETXTBSY); a child
    // forked by another thread of this JVM can briefly inherit the descriptor that wrote the binary.
    private static Optional<BoundedProcess.Result> run(Path binary, Duration timeout) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return BoundedProcess.run(List.of(binary.toString(), "--version"), Optional.empty(), timeout, true);
            } catch (IOException e) {
                String message = String.valueOf(e.getMessage());
                if (attempt < TEXT_FILE_BUSY_RETRIES && (message.contains("Text file busy") || message.contains("error=26"))) {
                    Thread.sleep(50L * attempt);
                    continue;
                }
                throw new CliInstallException("The Claude Code CLI " + binary + " cannot be run: " + e.getMessage(), e);
            }
        }
    }
}
