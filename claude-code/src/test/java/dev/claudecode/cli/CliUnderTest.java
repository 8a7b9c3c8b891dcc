package dev.claudecode.cli;

import dev.claudecode.ClaudeCode;
import java.nio.file.Path;

/**
 * The CLI this module's integration tests run, chosen as the testkit's {@code TestCli} chooses it
 * (which this module cannot depend on): {@code CLAUDE_CODE_CLI_PATH}, else the managed install of
 * the version the build names in {@code claudecode.test.cli.version} (Maven property
 * {@code claude.cli.version}), else of the pinned version.
 */
public final class CliUnderTest {

    private CliUnderTest() {
    }

    /** @return the CLI version under test */
    public static String version() {
        String configured = System.getProperty("claudecode.test.cli.version");
        return configured == null || configured.isBlank() ? ClaudeCode.cliVersion() : configured.strip();
    }

    /** @return the CLI executable, installed when missing */
    public static Path path() {
        return CliResolver.forVersion(version()).resolve().path();
    }
}
