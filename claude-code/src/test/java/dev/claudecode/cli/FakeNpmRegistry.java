package dev.claudecode.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An npm registry on loopback serving platform packages: version documents, abbreviated package
 * documents and tarballs, with counters, status overrides, redirects, tarball URLs on another
 * server and a slow-download switch for tests. Hostile registries in the tests are instances too.
 */
final class FakeNpmRegistry implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Published> packages = new ConcurrentHashMap<>();
    private final Map<String, Integer> statusOverrides = new ConcurrentHashMap<>();
    private final Map<String, URI> redirects = new ConcurrentHashMap<>();

    /** Tarball downloads that got a body. */
    final AtomicInteger tarballDownloads = new AtomicInteger();
    /** Every request, as "GET /path". */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The Authorization header of every request ("" when absent). */
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    volatile boolean serveVersionDocuments = true;
    /** Where the published tarball URLs point: this registry unless set. */
    volatile URI tarballBase;
    /** How long a tarball body pauses half-way, so that concurrent installers overlap. */
    volatile Duration tarballPause = Duration.ZERO;

    private record Published(String name, String version, byte[] tarball, String integrity) {
    }

    private FakeNpmRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeNpmRegistry start() {
        try {
            return new FakeNpmRegistry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Publishes a tarball with its true sha512 integrity. */
    void publish(String name, String version, byte[] tarball) {
        publish(name, version, tarball, sha512(tarball));
    }

    /** Publishes a tarball with the given integrity string. */
    void publish(String name, String version, byte[] tarball, String integrity) {
        packages.put(name, new Published(name, version, tarball, integrity));
    }

    /** Makes every request whose raw path starts with the prefix answer with a status and no body. */
    void failWith(String pathPrefix, int status) {
        statusOverrides.put(pathPrefix, status);
    }

    /** Makes every request whose raw path starts with the prefix answer 302 to the location plus the rest of the path. */
    void redirect(String pathPrefix, URI location) {
        redirects.put(pathPrefix, location);
    }

    String tarballPath(String name, String version) {
        return "/tarballs/" + name.substring(name.indexOf('/') + 1) + "-" + version + ".tgz";
    }

    static String sha512(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            for (Map.Entry<String, URI> redirect : redirects.entrySet()) {
                if (path.startsWith(redirect.getKey())) {
                    exchange.getResponseHeaders().set("Location", redirect.getValue() + path.substring(redirect.getKey().length()));
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
            }
            for (Map.Entry<String, Integer> override : statusOverrides.entrySet()) {
                if (path.startsWith(override.getKey())) {
                    exchange.sendResponseHeaders(override.getValue(), -1);
                    return;
                }
            }
            for (Published p : packages.values()) {
                String documentPath = "/" + p.name.replace("/", "%2f");
                if (path.equals(tarballPath(p.name, p.version))) {
                    sendTarball(exchange, p.tarball);
                    return;
                }
                if (serveVersionDocuments && path.equals(documentPath + "/" + p.version)) {
                    sendJson(exchange, versionDocument(p));
                    return;
                }
                if (path.equals(documentPath)) {
                    sendJson(exchange, Map.of("name", p.name, "versions", Map.of(p.version, versionDocument(p))));
                    return;
                }
            }
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private Map<String, Object> versionDocument(Published p) {
        return Map.of("name", p.name, "version", p.version, "dist", Map.of(
                "tarball", (tarballBase != null ? tarballBase : uri()).resolve(tarballPath(p.name, p.version)).toString(),
                "integrity", p.integrity));
    }

    private void sendTarball(HttpExchange exchange, byte[] tarball) throws IOException {
        tarballDownloads.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, tarball.length);
        OutputStream out = exchange.getResponseBody();
        int half = tarball.length / 2;
        out.write(tarball, 0, half);
        out.flush();
        if (!tarballPause.isZero()) {
            try {
                Thread.sleep(tarballPause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        out.write(tarball, half, tarball.length - half);
    }

    private static void sendJson(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
