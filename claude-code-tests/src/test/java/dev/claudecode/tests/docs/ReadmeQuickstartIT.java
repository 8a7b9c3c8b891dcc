package dev.claudecode.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's first example, as a newcomer meets it: compiled from the README, run in a JVM of its
 * own whose home holds no CLI, with no CLI on the PATH and no {@code CLAUDE_CODE_CLI_PATH}, so that
 * the first session installs the pinned CLI from the npm registry, then answers through the
 * testkit's offline stand-in model.
 */
class ReadmeQuickstartIT {

    private final List<Path> scratch = new ArrayList<>();

    @AfterEach
    void deleteScratch() throws IOException {
        for (Path root : scratch) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    file.toFile().setWritable(true);
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void theFirstExampleRunsOfflineOnAHomeWithoutACli() throws Exception {
        String program = ReadmeSnippetsTest.javaBlocks(Files.readString(ReadmeSnippetsTest.projectRoot().resolve("README.md")))
                .stream().filter(block -> ReadmeSnippetsTest.programName(block).isPresent()).findFirst().orElseThrow();
        String name = ReadmeSnippetsTest.programName(program).orElseThrow();
        Path root = Files.createTempDirectory("readme-quickstart-");
        scratch.add(root);
        Path classes = compile(root, name, program);
        Path home = Files.createDirectory(root.resolve("home"));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Duser.home=" + home, "-cp",
                classes + File.pathSeparator + System.getProperty("java.class.path"), name)
                .directory(root.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(variable -> variable.startsWith("CLAUDE") || variable.startsWith("ANTHROPIC"));
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/bin:/bin");
        Process process = builder.start();
        try {
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the example finished").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output.lines().filter(line -> !line.startsWith("[")).toList()).as(output).containsSubsequence("8", "16");
            assertThat(output).contains("Installed Claude Code CLI " + ClaudeCode.cliVersion());
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(home.resolve(".cache/claude-code-java/cli").resolve(ClaudeCode.cliVersion()).resolve("claude")).isExecutable();
    }

    private static Path compile(Path root, String name, String program) throws IOException {
        Path source = root.resolve("src").resolve(name + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, program);
        Path classes = Files.createDirectory(root.resolve("classes"));
        StringWriter diagnostics = new StringWriter();
        PrintWriter writer = new PrintWriter(diagnostics);
        int status = ToolProvider.findFirst("javac").orElseThrow().run(writer, writer,
                "-proc:none", "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), source.toString());
        writer.flush();
        assertThat(status).as("javac on the README's first example:%n%s", diagnostics).isZero();
        return classes;
    }
}
