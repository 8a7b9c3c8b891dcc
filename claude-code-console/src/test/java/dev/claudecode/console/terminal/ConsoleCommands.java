package dev.claudecode.console.terminal;

import dev.claudecode.testkit.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;

/** The console program as a person starts it: the shaded jar that {@code bin/claude-code} runs. */
final class ConsoleCommands {

    private ConsoleCommands() {
    }

    /** @return {@code java -jar claude-code-console.jar} followed by the arguments */
    static List<String> command(String... arguments) {
        Path jar = Path.of("target", "claude-code-console.jar").toAbsolutePath();
        Assertions.assertThat(jar).as("the console jar is built in the package phase").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** @return the variables the program needs: the CLI the tests run */
    static Map<String, String> environment() {
        return Map.of(TestCli.ENV_VAR, TestCli.path().toString());
    }

    static Path directory(Path parent, String name) throws java.io.IOException {
        return Files.createDirectories(parent.resolve(name));
    }
}
