package dev.claudecode.internal.launch;

import dev.claudecode.internal.process.LocalLaunchFiles;
import dev.claudecode.internal.session.Launch;
import dev.claudecode.node.LocalNode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.InheritEnv;
import dev.claudecode.internal.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real CLI once, the way a session would start it: the {@link OptionsLauncher}'s launch
 * for the command line, the environment and the private files ({@link CliArguments},
 * {@link CliEnvironment}, {@link ConfigDelivery}), then {@code initialize} (with the launch's
 * fields) and one user message on stdin. Permission prompts are denied; stdin is closed when the turn's
 * {@code result} arrives. Every process is stopped before {@link #run} returns.
 */
final class CliRun {

    private static final long TIMEOUT_SECONDS = 60;

    /** What one run produced. */
    record Outcome(List<String> argv, int exitCode, List<Map<String, Object>> stdout, String stderr) {

        Optional<Map<String, Object>> message(String type, String subtype) {
            return stdout.stream()
                    .filter(m -> type.equals(m.get("type")) && (subtype == null || subtype.equals(m.get("subtype"))))
                    .findFirst();
        }

        Map<String, Object> init() {
            return message("system", "init").orElseThrow(() -> new AssertionError("no system/init; " + this));
        }

        Map<String, Object> result() {
            return message("result", null).orElseThrow(() -> new AssertionError("no result; " + this));
        }

        List<Map<String, Object>> controlRequests(String subtype) {
            return stdout.stream()
                    .filter(m -> "control_request".equals(m.get("type")))
                    .filter(m -> m.get("request") instanceof Map<?, ?> request && subtype.equals(request.get("subtype")))
                    .toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", argv " + argv + ", stderr:\n" + stderr + "\nstdout types: "
                    + stdout.stream().map(m -> m.get("type") + "/" + m.get("subtype")).toList();
        }
    }

    private CliRun() {
    }

    /** @return the CLI under test ({@code CLAUDE_CODE_CLI_PATH}, else the managed install of its version) */
    static Path cli() {
        return dev.claudecode.cli.CliUnderTest.path();
    }

    /**
     * Options for a run against the loopback API: a private config dir and home, only the basic
     * variables inherited, any API key.
     */
    static ClaudeCodeOptions.Builder options(LoopbackMessagesApi api, Path scratch) throws IOException {
        Path config = Files.createDirectories(scratch.resolve("config"));
        Path home = Files.createDirectories(scratch.resolve("home"));
        Path cwd = Files.createDirectories(scratch.resolve("cwd"));
        return ClaudeCodeOptions.builder()
                .cliPath(cli())
                .cwd(cwd)
                .apiKey("sk-loopback-key")
                .inheritEnv(InheritEnv.only("PATH", "LANG", "LC_*", "TMPDIR"))
                .env("HOME", home.toString())
                .env("CLAUDE_CONFIG_DIR", config.toString())
                .env("ANTHROPIC_BASE_URL", api.baseUrl())
                .env("CLAUDE_CODE_MAX_RETRIES", "0")
                // The CLI refuses bypassPermissions as root outside a declared sandbox.
                .env("IS_SANDBOX", "1");
    }

    /** Runs the CLI with these options and the prompt {@code hello}. */
    static Outcome run(ClaudeCodeOptions options) {
        return run(options, "hello");
    }

    /**
     * Runs the CLI with these options and one prompt.
     *
     * @param options the options; {@code cliPath} and {@code cwd} must be set
     * @param prompt the user message
     * @return what the CLI printed and how it exited
     */
    static Outcome run(ClaudeCodeOptions options, String prompt) {
        Launch launch = new OptionsLauncher(options, options.cliPath().orElseThrow().toString(), LocalNode::instance).initial();
        List<String> argv = launch.spec().arguments();
        ProcessBuilder builder = new ProcessBuilder(launch.spec().command()).directory(options.cwd().orElseThrow().toFile());
        builder.environment().clear();
        builder.environment().putAll(CliEnvironment.process(System.getenv(), options));
        Process process;
        try {
            LocalLaunchFiles.create(launch.spec().files());
            process = builder.start();
        } catch (IOException e) {
            launch.afterExit().run();
            throw new UncheckedIOException(e);
        }
        try {
            return converse(process, argv, launch.initialize(), prompt);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            launch.afterExit().run();
        }
    }

    private static Outcome converse(Process process, List<String> argv, Map<String, Object> fields, String prompt) {
        List<Map<String, Object>> stdout = Collections.synchronizedList(new ArrayList<>());
        StringBuffer stderr = new StringBuffer();
        OutputStream stdin = process.getOutputStream();
        Thread errReader = Thread.ofVirtual().start(() -> drain(process, stderr));
        Thread outReader = Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    Map<String, Object> message = Json.toMap(Json.parse(line));
                    stdout.add(message);
                    react(message, stdin);
                }
            } catch (IOException e) {
                // the process went away; what was read so far is the outcome
            }
        });
        try {
            Map<String, Object> initialize = new LinkedHashMap<>(fields);
            initialize.put("subtype", "initialize");
            write(stdin, Map.of("type", "control_request", "request_id", "init_1", "request", initialize));
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("type", "user");
            user.put("message", Map.of("role", "user", "content", prompt));
            user.put("parent_tool_use_id", null);
            user.put("session_id", "");
            write(stdin, user);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the CLI did not exit within " + TIMEOUT_SECONDS + " s; stderr: " + stderr);
            }
            outReader.join(TimeUnit.SECONDS.toMillis(10));
            errReader.join(TimeUnit.SECONDS.toMillis(10));
            return new Outcome(argv, process.exitValue(), List.copyOf(stdout), stderr.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    // Deny every permission prompt so a turn cannot hang; end the conversation after the result.
    private static void react(Map<String, Object> message, OutputStream stdin) {
        if ("result".equals(message.get("type"))) {
            try {
                synchronized (stdin) {
                    stdin.close();
                }
            } catch (IOException e) {
                // already gone
            }
        } else if ("control_request".equals(message.get("type"))
                && message.get("request") instanceof Map<?, ?> request
                && "can_use_tool".equals(request.get("subtype"))) {
            write(stdin, Map.of("type", "control_response", "response", Map.of(
                    "subtype", "success", "request_id", message.get("request_id"),
                    "response", Map.of("behavior", "deny", "message", "denied by the test"))));
        }
    }

    private static void write(OutputStream stdin, Map<String, Object> message) {
        try {
            synchronized (stdin) {
                stdin.write((Json.write(message) + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
        } catch (IOException e) {
            // the CLI exited early (e.g. it rejected a flag); the outcome shows why
        }
    }

    private static void drain(Process process, StringBuffer stderr) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                stderr.append(line).append('\n');
            }
        } catch (IOException e) {
            // process gone
        }
    }

    /**
     * Runs {@code cli --help}.
     *
     * @return its output
     */
    static String help() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(cli().toString(), "--help").redirectErrorStream(true).start();
        try {
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("claude --help did not exit");
            }
            return text;
        } finally {
            process.destroyForcibly();
        }
    }
}
