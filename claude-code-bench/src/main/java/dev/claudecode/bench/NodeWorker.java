package dev.claudecode.bench;

import dev.claudecode.internal.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official TypeScript Agent SDK, driven from here: a long-lived {@code node worker.mjs} that
 * runs one command per line (so its JIT is as warm as this JVM's), and one-shot scripts for the
 * measurements that need a fresh process.
 */
final class NodeWorker implements AutoCloseable {

    /**
     * The longest one command of the worker may take before the workload fails, unless the command
     * sets its own {@code timeoutMs}: the worker enforces it and answers with an error that names
     * the command and the last message the TypeScript SDK handed it.
     */
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    /** How much longer than a command's limit this side waits for the worker's answer before it kills the worker. */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(30);

    private final Process process;
    private final OutputStream commands;
    private final BufferedReader answers;
    private volatile String lastLine = "(nothing)";

    private NodeWorker(Process process) {
        this.process = process;
        this.commands = process.getOutputStream();
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts the worker.
     *
     * @param tsDir the directory with the scripts and the installed SDK
     * @return the worker
     */
    static NodeWorker start(Path tsDir) {
        try {
            ProcessBuilder builder = new ProcessBuilder("node", "worker.mjs").directory(tsDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            return new NodeWorker(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node", e);
        }
    }

    /**
     * Runs one command and waits for its answer: within the command's {@code timeoutMs} (default
     * {@link #COMMAND_TIMEOUT}), which the worker enforces itself, plus a grace after which the
     * worker is killed.
     *
     * @param command the command; its {@code op} names what to run
     * @return the answer
     */
    JsonNode run(ObjectNode command) {
        if (!command.has("timeoutMs")) {
            command.put("timeoutMs", COMMAND_TIMEOUT.toMillis());
        }
        Duration limit = Duration.ofMillis(command.path("timeoutMs").asLong()).plus(ANSWER_GRACE);
        try {
            commands.write(Json.MAPPER.writeValueAsBytes(command));
            commands.write('\n');
            commands.flush();
            String op = command.path("op").asString("");
            String line;
            try {
                line = Watchdog.within("TypeScript SDK (node worker, " + op + "; its previous answer)", limit, progress -> {
                    progress.saw(lastLine);
                    return answers.readLine();
                });
            } catch (IllegalStateException e) {
                Processes.kill(process);
                throw e;
            }
            if (line == null) {
                throw new IllegalStateException("the node worker exited during " + op + "; the last line it wrote: " + lastLine);
            }
            lastLine = line;
            JsonNode answer = Json.parse(line);
            if (!answer.path("ok").asBoolean(false)) {
                throw new IllegalStateException("the TypeScript SDK failed: " + answer.path("error").asString(""));
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a one-shot script in a fresh node process.
     *
     * @param tsDir the scripts' directory
     * @param script the script
     * @param spec its JSON argument
     * @param timeout how long it may take
     * @return the JSON line it printed
     */
    static JsonNode runScript(Path tsDir, String script, ObjectNode spec, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of("node", "--expose-gc", script, Json.write(spec)))
                    .directory(tsDir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            Process process = builder.start();
            process.getOutputStream().close();
            String output;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output = Processes.readWithin(out, process, timeout, "TypeScript SDK (" + script + ")");
            }
            return Json.parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the variables of {@code env} as a JSON object */
    static ObjectNode env(Map<String, String> env) {
        ObjectNode node = Json.object();
        env.forEach(node::put);
        return node;
    }

    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                Processes.kill(process);
            }
        } catch (IOException e) {
            Processes.kill(process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Processes.kill(process);
        }
    }
}
