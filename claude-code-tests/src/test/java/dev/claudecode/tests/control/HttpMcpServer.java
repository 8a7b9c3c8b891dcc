package dev.claudecode.tests.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal MCP server over streamable HTTP on loopback for the integration tests: it answers
 * initialize, tools/list and tools/call for two tools, "peek" and "wipe", each with plain JSON
 * (no event stream), and acknowledges notifications with 202.
 */
final class HttpMcpServer implements AutoCloseable {

    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\"[^\"]*\"|-?\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"protocolVersion\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOOL = Pattern.compile("\"name\"\\s*:\\s*\"(peek|wipe)\"");

    private final HttpServer server;

    HttpMcpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mcp", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** @return the endpoint, {@code http://127.0.0.1:<port>/mcp} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher method = METHOD.matcher(body);
            Matcher id = ID.matcher(body);
            if (!method.find() || !id.find()) {
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            String result = switch (method.group(1)) {
                case "initialize" -> {
                    Matcher version = VERSION.matcher(body);
                    yield "{\"protocolVersion\":\"" + (version.find() ? version.group(1) : "2025-06-18")
                            + "\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"http-test\",\"version\":\"1.0.0\"}}";
                }
                case "tools/list" -> "{\"tools\":[" + tool("peek", "Looks at the store") + "," + tool("wipe", "Wipes the store") + "]}";
                case "tools/call" -> {
                    Matcher tool = TOOL.matcher(body);
                    yield "{\"content\":[{\"type\":\"text\",\"text\":\"" + (tool.find() ? tool.group(1) : "?") + " done\"}]}";
                }
                case "ping" -> "{}";
                default -> null;
            };
            String reply = result != null
                    ? "{\"jsonrpc\":\"2.0\",\"id\":" + id.group(1) + ",\"result\":" + result + "}"
                    : "{\"jsonrpc\":\"2.0\",\"id\":" + id.group(1) + ",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}";
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String tool(String name, String description) {
        return "{\"name\":\"" + name + "\",\"description\":\"" + description + "\",\"inputSchema\":{\"type\":\"object\"}}";
    }
}
