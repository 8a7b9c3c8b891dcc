package dev.claudecode.cli;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How far an install of the Claude Code CLI has come, as {@link CliInstaller} reports it to the
 * listener given to {@link CliInstaller.Builder#progress} (and to
 * {@link dev.claudecode.options.ClaudeCodeOptions.Builder#cliInstallProgress}). Reports arrive on
 * a library thread (the download's, then the installing one), one at a time and in order: {@link Stage#DOWNLOADING} several times as bytes arrive (at
 * most about ten times a second), then {@link Stage#VERIFYING} and {@link Stage#INSTALLED} once.
 *
 * @param version the CLI version being installed
 * @param stage what the installer is doing
 * @param bytes how many bytes of the package have been downloaded
 * @param totalBytes the package's size, when the registry said it
 */
public record InstallProgress(String version, Stage stage, long bytes, OptionalLong totalBytes) {

    /** What the installer is doing. */
    public enum Stage {
        /** Downloading the package from the registry. */
        DOWNLOADING,
        /** Checking the package's digest, unpacking it and running the binary's version check. */
        VERIFYING,
        /** The binary is in place. */
        INSTALLED
    }

    /** Checks the components. */
    public InstallProgress {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(totalBytes, "totalBytes");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }

    /** {@return the downloaded share from 0 to 1, when the size is known} */
    public java.util.OptionalDouble fraction() {
        if (totalBytes.isEmpty() || totalBytes.getAsLong() <= 0) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(Math.min(1.0, (double) bytes / totalBytes.getAsLong()));
    }
}
