package dev.claudecode.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java example in the README compiles against the library as it is. An example that declares
 * a class is a complete program and is compiled as it stands; any other is the body of a method:
 * its leading {@code import} lines are kept as imports, and the names the README uses without
 * declaring them ({@code dir}, {@code options}, {@code session}, {@code log}, ...) are fields of
 * the class around it.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("^import [\\w.*]+;\\s*$");
    private static final Pattern PROGRAM = Pattern.compile("^public (?:final )?class (\\w+)", Pattern.MULTILINE);

    /** Every API package, so that an example needs no imports of the library's own types. */
    private static final List<String> WILDCARDS = List.of(
            "dev.claudecode", "dev.claudecode.cli", "dev.claudecode.content", "dev.claudecode.control",
            "dev.claudecode.errors", "dev.claudecode.history", "dev.claudecode.hook", "dev.claudecode.mcp",
            "dev.claudecode.message", "dev.claudecode.message.stream", "dev.claudecode.node",
            "dev.claudecode.options", "dev.claudecode.permission", "dev.claudecode.store", "dev.claudecode.transport",
            "dev.claudecode.usage", "dev.claudecode.ssh", "dev.claudecode.ssh.pool", "dev.claudecode.testkit",
            "dev.claudecode.observe", "dev.claudecode.opentelemetry", "dev.claudecode.micrometer", "dev.claudecode.spring",
            "java.net", "java.nio.file", "java.time", "java.util", "java.util.concurrent", "java.util.function",
            "org.junit.jupiter.api", "org.junit.jupiter.api.extension");

    /** What the examples use without declaring it. */
    private static final String CONTEXT = """
                Path dir;
                ClaudeCodeOptions options;
                Session session;
                String taskId;
                org.slf4j.Logger log;
                io.opentelemetry.api.OpenTelemetry openTelemetry;
                io.micrometer.core.instrument.MeterRegistry meterRegistry;
                ClaudeCodeSessions sessions;
                String question;
            """;

    @TempDir
    Path out;

    @Test
    void everyJavaExampleInTheReadmeCompiles() throws IOException {
        Path readme = projectRoot().resolve("README.md");
        List<String> blocks = javaBlocks(Files.readString(readme));
        assertThat(blocks).as("Java examples in README.md").isNotEmpty();

        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            sources.add(write("Example" + (i + 1), blocks.get(i)));
        }
        StringWriter diagnostics = new StringWriter();
        PrintWriter writer = new PrintWriter(diagnostics);
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-Xlint:none", "-d", out.resolve("classes").toString(),
                "-cp", System.getProperty("java.class.path")));
        sources.forEach(source -> arguments.add(source.toString()));
        int status = ToolProvider.findFirst("javac").orElseThrow().run(writer, writer, arguments.toArray(String[]::new));
        writer.flush();
        assertThat(status).as("javac on the README's examples:%n%s", diagnostics).isZero();
    }

    private Path write(String name, String block) throws IOException {
        Optional<String> program = programName(block);
        if (program.isPresent()) {
            Path file = out.resolve("src/" + program.get() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, block);
            return file;
        }
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        boolean leading = true;
        for (String line : block.split("\n", -1)) {
            if (leading && IMPORT.matcher(line).matches()) {
                imports.append(line).append('\n');
            } else {
                leading = leading && line.isBlank();
                body.append("        ").append(line).append('\n');
            }
        }
        StringBuilder source = new StringBuilder("package readme;\n\n");
        WILDCARDS.forEach(p -> source.append("import ").append(p).append(".*;\n"));
        source.append("import static org.assertj.core.api.Assertions.*;\n");
        source.append(imports).append("\n@SuppressWarnings(\"all\")\nclass ").append(name).append(" {\n")
                .append(CONTEXT)
                .append("\n    void example() throws Exception {\n").append(body).append("    }\n}\n");
        Path file = out.resolve("src/readme/" + name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return file;
    }

    /**
     * @param block a Java example
     * @return the name of the public class it declares, when it is a complete program
     */
    static Optional<String> programName(String block) {
        Matcher matcher = PROGRAM.matcher(block);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(markdown);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root above %s", Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    @Test
    void theExtractorFindsEveryFencedJavaBlock() {
        String markdown = "text\n```java\nint a = 1;\n```\nmore\n```sh\nls\n```\n```java\nint b = 2;\n```\n";
        assertThat(javaBlocks(markdown)).containsExactly("int a = 1;\n", "int b = 2;\n");
        assertThat(programName("import a.B;\n\npublic class Hello {\n}\n")).contains("Hello");
        assertThat(programName("try (var x = y) {\n    class Local {}\n}\n")).isEmpty();
        assertThat(Stream.of("import java.util.List;", "import static x.Y.z;").filter(l -> IMPORT.matcher(l).matches()))
                .containsExactly("import java.util.List;");
    }
}
