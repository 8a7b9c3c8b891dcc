package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCliTest {

    @TempDir
    Path dir;

    @Test
    void prefersTheEnvironmentVariable() throws IOException {
        Path cli = executable(dir.resolve("bin/claude"));
        executable(cached("2.1.197"));

        assertThat(TestCli.find(Map.of(TestCli.ENV_VAR, cli.toString()), dir, "2.1.197")).contains(cli);
    }

    @Test
    void fallsBackToThePinnedVersionInTheCache() throws IOException {
        Path cached = executable(cached("2.1.197"));
        executable(cached("9.9.9"));

        assertThat(TestCli.find(Map.of(), dir, "2.1.197")).contains(cached);
    }

    @Test
    void findsNothingWhenTheVariableNamesNoExecutable() throws IOException {
        executable(cached("2.1.197"));

        assertThat(TestCli.find(Map.of(TestCli.ENV_VAR, dir.resolve("missing").toString()), dir, "2.1.197")).isEmpty();
        assertThat(TestCli.find(Map.of(), dir, "1.0.0")).isEmpty();
    }

    private Path cached(String version) {
        return dir.resolve(".cache/claude-code-java/cli").resolve(version).resolve("claude");
    }

    private static Path executable(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n");
        assertThat(path.toFile().setExecutable(true)).isTrue();
        return path;
    }
}
