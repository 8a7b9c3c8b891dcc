package dev.claudecode.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's jars work on the module path: a small modular application that {@code requires
 * dev.claudecode} is compiled against them and runs a real session through the real CLI in a JVM
 * of its own, with nothing on the class path.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class ModulePathIT {

    /** The library's modules and the libraries they need at run time; test frameworks stay out. */
    private static final Pattern RUNTIME_JAR = Pattern.compile(
            "(claude-code|claude-code-testkit|jackson-|slf4j-api|slf4j-simple|mcp-|reactor-core|reactive-streams"
                    + "|json-schema-validator|itu|snakeyaml-engine).*\\.jar");

    @TempDir
    Path dir;

    @Test
    void aModularApplicationRunsASessionWithTheJarsOnTheModulePath(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("8"));
        List<Path> modulePath = runtimeJars();
        assertThat(moduleNames(modulePath)).contains("dev.claudecode", "dev.claudecode.testkit");

        Path sources = dir.resolve("src");
        write(sources.resolve("module-info.java"), """
                module example.app {
                    requires dev.claudecode;
                }
                """);
        write(sources.resolve("example/app/Main.java"), """
                package example.app;

                import dev.claudecode.ClaudeCode;
                import dev.claudecode.message.ResultMessage;
                import dev.claudecode.options.ClaudeCodeOptions;
                import java.nio.file.Path;

                public final class Main {
                    public static void main(String[] args) {
                        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                                .cliPath(Path.of(args[0]))
                                .cwd(Path.of(args[1]))
                                .build();
                        ResultMessage result = ClaudeCode.query("What is 5 + 3?", options);
                        System.out.println("module=" + ClaudeCode.class.getModule().getName());
                        System.out.println("result=" + result.result().orElse(""));
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        String path = modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        StringWriter compilerOutput = new StringWriter();
        int compiled = ToolProvider.findFirst("javac").orElseThrow().run(new java.io.PrintWriter(compilerOutput),
                new java.io.PrintWriter(compilerOutput), "--module-path", path, "-d", classes.toString(),
                sources.resolve("module-info.java").toString(), sources.resolve("example/app/Main.java").toString());
        assertThat(compiled).as(compilerOutput.toString()).isZero();

        Path cwd = Files.createDirectories(dir.resolve("work"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "--module-path", path + File.pathSeparator + classes,
                "-m", "example.app/example.app.Main",
                TestCli.path().toString(), cwd.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        api.applyEnvironment(builder.environment());
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            boolean exited = process.waitFor(120, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(exited).as(output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("module=dev.claudecode", "result=8");
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<Path> runtimeJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> RUNTIME_JAR.matcher(p.getFileName().toString()).matches())
                .filter(p -> !p.getFileName().toString().contains("-tests"))
                .toList();
    }

    private static Set<String> moduleNames(List<Path> jars) {
        return ModuleFinder.of(jars.toArray(Path[]::new)).findAll().stream()
                .map(ModuleReference::descriptor)
                .map(java.lang.module.ModuleDescriptor::name)
                .collect(Collectors.toSet());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
