package dev.claudecode.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs that the tests which use the console as a person would need: on CI a missing one
 * fails the test (the CI script installs them), elsewhere it skips the test with the package to install.
 */
public final class RequiredTools {

    private RequiredTools() {
    }

    /** @return tmux, from the Debian package {@code tmux} */
    public static Path tmux() {
        return require("tmux", "tmux", "/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux");
    }

    /** @return Chromium, from the Debian package {@code chromium} */
    public static Path chromium() {
        return require("chromium", "chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
    }

    /** @return ChromeDriver, from the Debian package {@code chromium-driver} */
    public static Path chromeDriver() {
        return require("chromedriver", "chromium-driver", "/usr/bin/chromedriver");
    }

    /** @return the directory where tests keep screenshots and screen captures */
    public static Path screenshots() {
        Path dir = Path.of("target", "screenshots").toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path require(String program, String debianPackage, String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        String message = program + " is missing: install the Debian package " + debianPackage;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        throw new AssertionError(message);
    }
}
