package dev.claudecode.testkit;

import dev.claudecode.ClaudeCode;
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
}
