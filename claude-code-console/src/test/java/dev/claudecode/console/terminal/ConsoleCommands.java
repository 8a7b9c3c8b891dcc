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

    /**
     * The variables the program needs: the CLI the tests run, and a home directory of its own, so
     * that the shell the CLI runs tools in does not read this machine's profile (whose start-up
     * hooks can stall it).
     *
     * @param temp the test's temporary directory, where the home directory is made
     * @return the variables
     */
    static Map<String, String> environment(Path temp) throws java.io.IOException {
        return Map.of(TestCli.ENV_VAR, TestCli.path().toString(), "HOME", directory(temp, "home").toString());
    }

    static Path directory(Path parent, String name) throws java.io.IOException {
        return Files.createDirectories(parent.resolve(name));
    }
}
