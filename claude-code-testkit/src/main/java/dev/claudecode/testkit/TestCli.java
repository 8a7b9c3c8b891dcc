package dev.claudecode.testkit;

import dev.claudecode.cli.CliResolver;
import java.nio.file.Path;

/**
 * The Claude Code CLI that tests run: {@code CLAUDE_CODE_CLI_PATH} when set, else the managed
 * install of the version this library is built against, installed on first use.
 */
public final class TestCli {

    /** The environment variable that names the CLI to test with. */
    public static final String ENV_VAR = CliResolver.ENV_CLI_PATH;

    private TestCli() {
    }

    /**
     * @return the CLI executable
     * @throws dev.claudecode.errors.ClaudeCodeException when it is neither configured nor installable
     */
    public static Path path() {
        return CliResolver.pinnedVersion().resolve().path();
    }
}
