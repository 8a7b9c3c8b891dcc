package dev.claudecode.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where everything of one harness run is.
 *
 * @param work the scratch directory
 * @param tsDir the TypeScript side: scripts and the installed SDK
 * @param fakeCli the compiled fake CLI
 * @param realCli the real Claude Code CLI, when available
 * @param initFile the recorded initialize answer the fake CLI gives
 * @param runs how many measured runs per driver
 */
record BenchContext(Path work, Path tsDir, Path fakeCli, Optional<Path> realCli, Path initFile, int runs) {

    /** @return the environment that makes the fake CLI answer a user message with {@code turnFile} */
    Map<String, String> fakeEnv(Path turnFile) {
        return Map.of("FAKE_CLI_INIT", initFile.toString(), "FAKE_CLI_TURN", turnFile.toString());
    }
}
