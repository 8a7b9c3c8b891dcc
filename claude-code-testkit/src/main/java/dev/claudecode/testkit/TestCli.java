package dev.claudecode.testkit;

import dev.claudecode.ClaudeCodeException;
import dev.claudecode.internal.BuildInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Claude Code CLI executable that tests run: the environment variable
 * {@value #ENV_VAR}, else the CLI of the pinned version in the library's download cache
 * ({@code ~/.cache/claude-code-java/cli/<version>/claude}).
 */
public final class TestCli {

    /** The environment variable that names the CLI executable. */
    public static final String ENV_VAR = "CLAUDE_CODE_CLI_PATH";

    private TestCli() {
    }

    /**
     * The CLI executable.
     *
     * @return its path
     * @throws ClaudeCodeException when neither place has an executable
     */
    public static Path path() {
        Path home = Path.of(System.getProperty("user.home"));
        String version = BuildInfo.cliVersion();
        return find(System.getenv(), home, version).orElseThrow(() -> {
            String configured = System.getenv(ENV_VAR);
            return new ClaudeCodeException(configured != null && !configured.isBlank()
                    ? ENV_VAR + "=" + configured + " is not an executable file"
                    : "no Claude Code CLI for the tests: set " + ENV_VAR + " to the claude executable, or install CLI "
                            + version + " at " + cached(home, version));
        });
    }

    /** @return whether {@link #path()} finds a CLI, e.g. for {@code assumeTrue} */
    public static boolean isAvailable() {
        return find(System.getenv(), Path.of(System.getProperty("user.home")), BuildInfo.cliVersion()).isPresent();
    }

    /**
     * The lookup, with its inputs made explicit for tests.
     *
     * @param env the environment
     * @param home the user's home dir
     * @param version the pinned CLI version
     * @return the executable, when found
     */
    static Optional<Path> find(Map<String, String> env, Path home, String version) {
        String configured = env.get(ENV_VAR);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        Path cached = cached(home, version);
        return Files.isExecutable(cached) ? Optional.of(cached) : Optional.empty();
    }

    private static Path cached(Path home, String version) {
        return home.resolve(".cache").resolve("claude-code-java").resolve("cli").resolve(version).resolve("claude");
    }
}
