package dev.claudecode.opentelemetry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP collector for tests, on a loopback port: it keeps the JSON bodies posted to
 * {@code /v1/traces} (the CLI exports {@code http/json} when told to) and answers each with an
 * empty success.
 */
final class OtlpJsonCollector implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 16 << 20;

    private final HttpServer server;
    private final List<String> traceBodies = new CopyOnWriteArrayList<>();

    private OtlpJsonCollector(HttpServer server) {
        this.server = server;
    }

    static OtlpJsonCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            OtlpJsonCollector collector = new OtlpJsonCollector(server);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readNBytes(MAX_BODY_BYTES);
                    if (exchange.getRequestURI().getPath().equals("/v1/traces")) {
                        collector.traceBodies.add(new String(body, StandardCharsets.UTF_8));
                    }
                    byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<String> traceBodies() {
        return List.copyOf(traceBodies);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
