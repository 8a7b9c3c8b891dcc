package dev.claudecode.console;

import dev.claudecode.cli.InstallProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Draws a CLI install's progress on one line of the terminal: a bar while the package downloads,
 * then a line for verification and one when the binary is in place. On a stream that is not a
 * terminal it prints only the start and the end, so logs stay readable.
 */
final class InstallProgressBar implements Consumer<InstallProgress> {

    private static final int WIDTH = 30;
    private static final double MIB = 1024.0 * 1024.0;

    private final PrintStream out;
    private final boolean terminal;
    private boolean started;

    InstallProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** @return a bar on standard error, redrawn in place when it is a terminal */
    static InstallProgressBar onStandardError() {
        return new InstallProgressBar(System.err, System.console() != null);
    }

    @Override
    public synchronized void accept(InstallProgress progress) {
        switch (progress.stage()) {
            case DOWNLOADING -> downloading(progress);
            case VERIFYING -> line("Verifying Claude Code CLI " + progress.version() + " (" + megabytes(progress.bytes()) + ")…");
            case INSTALLED -> line("Claude Code CLI " + progress.version() + " is installed.");
        }
    }

    private void downloading(InstallProgress progress) {
        if (!started) {
            started = true;
            if (!terminal) {
                out.println("Downloading Claude Code CLI " + progress.version() + " (first run only)…");
                return;
            }
        }
        if (!terminal) {
            return;
        }
        String size = progress.totalBytes().isPresent()
                ? megabytes(progress.bytes()) + " of " + megabytes(progress.totalBytes().getAsLong())
                : megabytes(progress.bytes());
        String bar = progress.fraction().stream()
                .mapToObj(fraction -> {
                    int filled = (int) Math.round(fraction * WIDTH);
                    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                            + String.format(Locale.ROOT, "%3d%% ", Math.round(fraction * 100));
                })
                .findFirst().orElse("");
        out.print("\r\033[2KDownloading Claude Code CLI " + progress.version() + " (first run only) " + bar + size);
        out.flush();
    }

    private void line(String text) {
        out.print(terminal ? "\r\033[2K" + text + "\n" : text + "\n");
        out.flush();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / MIB);
    }
}
