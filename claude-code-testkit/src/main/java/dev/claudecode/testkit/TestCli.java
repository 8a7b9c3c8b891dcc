package dev.claudecode.testkit;

import dev.claudecode.ClaudeCode;
import dev.claudecode.cli.CliInstaller;
import dev.claudecode.cli.CliResolver;
import java.nio.file.Path;

/**
 * The Claude Code CLI that tests run: {@code CLAUDE_CODE_CLI_PATH} when set, else the managed
 * install of {@link #version()}, installed on first use.
 */
public final class TestCli {

    /** The environment variable that names the CLI to test with. */
    public static final String ENV_VAR = CliResolver.ENV_CLI_PATH;
    /**
     * The system property, and in upper case with underscores the environment variable (for child
     * JVMs), that selects the CLI version the tests run against; the build sets both from the
     * Maven property {@code claude.cli.version}.
     */
    public static final String VERSION_PROPERTY = "claudecode.test.cli.version";
    /** The environment variable form of {@link #VERSION_PROPERTY}. */
    public static final String VERSION_ENV_VAR = "CLAUDECODE_TEST_CLI_VERSION";

    private TestCli() {
    }

    /**
     * @return the CLI version under test: {@value #VERSION_PROPERTY}, else {@value #VERSION_ENV_VAR},
     *     else the version the library is built against
     */
    public static String version() {
        String configured = System.getProperty(VERSION_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(VERSION_ENV_VAR);
        }
        return configured == null || configured.isBlank() ? ClaudeCode.cliVersion() : configured.strip();
    }

    /**
     * @return the CLI executable
     * @throws dev.claudecode.errors.ClaudeCodeException when it is neither configured nor installable
     */
    public static Path path() {
        return CliResolver.forVersion(version()).resolve().path();
    }

    /**
     * The CLI for tests of a feature that needs at least some version: {@code CLAUDE_CODE_CLI_PATH}
     * when set, else the pinned version when it is recent enough, else the managed install of
     * {@code minimum}, installed on first use.
     *
     * @param minimum the oldest version that has the feature, such as {@code 2.1.332}
     * @return the CLI executable
     * @throws dev.claudecode.errors.ClaudeCodeException when it is neither configured nor installable
     */
    public static Path atLeast(String minimum) {
        if (compare(ClaudeCode.cliVersion(), minimum) >= 0) {
            return path();
        }
        return CliResolver.pinnedVersion().toBuilder()
                .installer(CliInstaller.builder().version(minimum).build())
                .build().resolve().path();
    }

    /** Compares dotted versions number by number; a missing number counts as 0. */
    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int cmp = Long.compare(number(x, i), number(y, i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    private static long number(String[] parts, int index) {
        try {
            return index < parts.length ? Long.parseLong(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
