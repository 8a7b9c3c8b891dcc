package dev.claudecode.testkit;

import dev.claudecode.mcp.McpServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An MCP server that asks the user for input, to test what an application does with MCP
 * elicitation end to end: a stdio server, run by the CLI in a JVM of its own, with one tool,
 * {@value #TOOL}, that sends {@code elicitation/create} to its client (the CLI, which relays it to
 * the SDK's elicitation handler) and returns the answer it got as the tool's result, in JSON:
 * {@code {"action":"accept","content":{...}}}, {@code {"action":"decline"}} or
 * {@code {"action":"cancel"}}.
 *
 * <pre>{@code
 * api.enqueue(Reply.toolUse("mcp__asker__ask", ElicitingMcpServer.form("Who are you?",
 *         Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string"))))));
 * ClaudeCodeOptions options = ClaudeCodeOptions.builder()
 *         .mcpServer("asker", ElicitingMcpServer.config())
 *         .allowedTools("mcp__asker__ask")
 *         .onElicitation(request -> ElicitationResult.accept(Map.of("name", "Ada")))
 *         ...
 * }</pre>
 *
 * <p>The tool's input chooses the question: {@code message}, and either {@code requestedSchema}
 * (a form, the default) or {@code "mode":"url"} with a {@code url}. A question the client did not
 * declare it can answer (URL steps need {@code capabilities.elicitation.url}, which the CLI
 * announces from version 2.1.281 on) is not sent: the tool fails with a message saying so. The
 * server speaks the few
 * JSON-RPC methods this needs ({@code initialize}, {@code tools/list}, {@code tools/call},
 * {@code ping}), waits up to ten minutes for an answer, gives up on a question when the client
 * cancels the tool call, and exits when its input ends or the process that started it does.
 */
public final class ElicitingMcpServer {

    /** The name of the tool that asks. */
    public static final String TOOL = "ask";

    private static final long ANSWER_WAIT_MINUTES = 10;
    private static final JsonMapper JSON = JsonMapper.shared();

    private final PrintStream out;
    private final AtomicLong nextId = new AtomicLong(1);
    // our elicitation/create requests waiting for the client's answer, by JSON-RPC id
    private final Map<String, CompletableFuture<JsonNode>> asked = new ConcurrentHashMap<>();
    // the tools/call requests in progress, by the client's id, and the question each waits for
    private final Map<String, String> questionOfCall = new ConcurrentHashMap<>();
    // what the client declared at initialize: {} for forms only, {"form":{},"url":{}} for both
    private volatile JsonNode clientElicitation = JSON.missingNode();

    private ElicitingMcpServer(PrintStream out) {
        this.out = out;
    }

    /**
     * How the CLI starts this server: {@code java -cp <this JVM's class path>} with this class.
     *
     * @return the server's configuration, for {@code ClaudeCodeOptions.Builder.mcpServer}
     */
    public static McpServerConfig.Stdio config() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return McpServerConfig.stdio(java, "-cp", System.getProperty("java.class.path"), ElicitingMcpServer.class.getName());
    }

    /**
     * The tool input that asks for a form.
     *
     * @param message what the server says
     * @param requestedSchema the form, a JSON schema of an object with simple properties
     * @return the input of a {@value #TOOL} tool use
     */
    public static Map<String, Object> form(String message, Map<String, ?> requestedSchema) {
        return Map.of("mode", "form", "message", Objects.requireNonNull(message, "message"),
                "requestedSchema", Objects.requireNonNull(requestedSchema, "requestedSchema"));
    }

    /**
     * The tool input that asks the user to open a page.
     *
     * @param message what the server says
     * @param url the page
     * @return the input of a {@value #TOOL} tool use
     */
    public static Map<String, Object> url(String message, String url) {
        return Map.of("mode", "url", "message", Objects.requireNonNull(message, "message"), "url", Objects.requireNonNull(url, "url"));
    }

    /**
     * Serves on stdin and stdout until stdin ends or the parent process does.
     *
     * @param args unused
     * @throws IOException when stdin cannot be read
     */
    public static void main(String[] args) throws IOException {
        PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing but protocol lines on stdout
        ElicitingMcpServer server = new ElicitingMcpServer(stdout);
        watchParent();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    server.receive(JSON.readTree(line));
                }
            }
        }
        System.exit(0);
    }

    private void receive(JsonNode message) {
        String method = message.path("method").asString("");
        JsonNode id = message.get("id");
        if (method.isEmpty()) {
            CompletableFuture<JsonNode> question = id == null ? null : asked.remove(id.asString());
            if (question != null) {
                question.complete(message);
            }
            return;
        }
        switch (method) {
            case "initialize" -> {
                clientElicitation = message.path("params").path("capabilities").path("elicitation");
                reply(id, JSON.createObjectNode()
                    .put("protocolVersion", message.path("params").path("protocolVersion").asString("2025-06-18"))
                    .<ObjectNode>set("capabilities", JSON.valueToTree(Map.of("tools", Map.of())))
                        .set("serverInfo", JSON.valueToTree(Map.of("name", "eliciting", "version", "1.0.0"))));
            }
            case "ping" -> reply(id, JSON.createObjectNode());
            case "tools/list" -> reply(id, JSON.valueToTree(Map.of("tools", List.of(Map.of(
                    "name", TOOL, "description", "Ask the user for input",
                    "inputSchema", Map.of("type", "object", "required", List.of("message"), "properties", Map.of(
                            "mode", Map.of("type", "string", "enum", List.of("form", "url")),
                            "message", Map.of("type", "string"),
                            "requestedSchema", Map.of("type", "object"),
                            "url", Map.of("type", "string"))))))));
            case "tools/call" -> Thread.ofVirtual().name("tool-call").start(() -> call(id, message.path("params").path("arguments")));
            case "notifications/cancelled" -> {
                String question = questionOfCall.remove(message.path("params").path("requestId").asString(""));
                CompletableFuture<JsonNode> waiting = question == null ? null : asked.remove(question);
                if (waiting != null) {
                    waiting.cancel(false);
                    send(JSON.valueToTree(Map.of("jsonrpc", "2.0", "method", "notifications/cancelled",
                            "params", Map.of("requestId", question, "reason", "the tool call was cancelled"))));
                }
            }
            default -> {
                if (id != null && !method.startsWith("notifications/")) {
                    send(JSON.valueToTree(Map.of("jsonrpc", "2.0", "id", JSON.treeToValue(id, Object.class),
                            "error", Map.of("code", -32601, "message", "method not found: " + method))));
                }
            }
        }
    }

    private void call(JsonNode callId, JsonNode arguments) {
        boolean url = "url".equals(arguments.path("mode").asString(""));
        if (clientElicitation.isMissingNode() || url && !clientElicitation.has("url")) {
            // a server may ask only what its client declared it can answer
            reply(callId, JSON.valueToTree(Map.of("isError", true, "content", List.of(Map.of("type", "text",
                    "text", "the client does not support " + (url ? "URL" : "form") + " elicitation: it declared "
                            + (clientElicitation.isMissingNode() ? "no elicitation capability" : "elicitation " + clientElicitation))))));
            return;
        }
        ObjectNode params = JSON.createObjectNode();
        params.put("message", arguments.path("message").asString("Please answer"));
        if (url) {
            params.put("mode", "url").put("url", arguments.path("url").asString("")).put("elicitationId", UUID.randomUUID().toString());
        } else {
            params.put("mode", "form");
            JsonNode schema = arguments.get("requestedSchema");
            params.set("requestedSchema", schema != null && schema.isObject() ? schema
                    : JSON.valueToTree(Map.of("type", "object", "properties", Map.of())));
        }
        String questionId = "elicit-" + nextId.getAndIncrement();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        asked.put(questionId, answer);
        questionOfCall.put(callId.asString(), questionId);
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", questionId).put("method", "elicitation/create");
        request.set("params", params);
        send(request);
        String text;
        boolean error = false;
        try {
            JsonNode response = answer.get(ANSWER_WAIT_MINUTES, TimeUnit.MINUTES);
            if (response.has("error")) {
                error = true;
                text = "the elicitation failed: " + response.path("error").path("message").asString("");
            } else {
                text = JSON.writeValueAsString(response.path("result"));
            }
        } catch (TimeoutException | java.util.concurrent.CancellationException e) {
            error = true;
            text = "the elicitation was not answered";
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            error = true;
            text = "the elicitation failed: " + e;
        } finally {
            asked.remove(questionId);
            questionOfCall.remove(callId.asString());
        }
        reply(callId, JSON.valueToTree(Map.of("content", List.of(Map.of("type", "text", "text", text)), "isError", error)));
    }

    private void reply(JsonNode id, JsonNode result) {
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("result", result);
        send(response);
    }

    private void send(JsonNode message) {
        synchronized (out) {
            out.print(JSON.writeValueAsString(message));
            out.print('\n');
            out.flush();
        }
    }

    // the CLI may die without closing our stdin; then this process has a new parent
    private static void watchParent() {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        Thread.ofPlatform().daemon().name("parent-watch").start(() -> {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L) == parent && parent != 1) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.exit(0);
        });
    }
}
