package dev.claudecode.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * A throwaway Redis server for tests: {@code redis-server} from Debian's {@code redis-server}
 * package (or {@code REDIS_SERVER} naming the binary) on a free loopback port with a random
 * password, no persistence, its configuration in a private temp dir (so the password is on no
 * command line), stopped by its PID and deleted on {@link #close()}.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path root;
    private final Process process;
    private final int port;
    private final String password;
    private final Thread shutdownHook;

    private RedisServer(Path root, Process process, int port, String password) {
        this.root = root;
        this.process = process;
        this.port = port;
        this.password = password;
        this.shutdownHook = new Thread(this::stopProcess, "redis-test-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** @return a running server */
    public static RedisServer start() {
        String binary = System.getenv().getOrDefault("REDIS_SERVER", "/usr/bin/redis-server");
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException(binary + " not found (install Debian's redis-server package, or set REDIS_SERVER)");
        }
        Path root;
        try {
            root = Files.createTempDirectory("claude-redis-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            IOException lastFailure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                Path config = root.resolve("redis.conf");
                Files.writeString(config, String.join("\n",
                        "bind 127.0.0.1",
                        "port " + port,
                        "protected-mode yes",
                        "requirepass " + password,
                        "save \"\"",
                        "appendonly no",
                        "daemonize no",
                        "dir " + root,
                        "logfile \"\"",
                        ""));
                Process process = new ProcessBuilder(List.of(binary, config.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(root.resolve("server.log").toFile())
                        .start();
                RedisServer server = new RedisServer(root, process, port, password);
                if (server.awaitReady()) {
                    return server;
                }
                server.stopProcess();
                Runtime.getRuntime().removeShutdownHook(server.shutdownHook);
                lastFailure = new IOException("redis-server did not start on port " + port + ":\n" + server.log());
            }
            throw lastFailure;
        } catch (IOException e) {
            delete(root);
            throw new UncheckedIOException(e);
        }
    }

    /** @return a new client for the server, authenticated, with Jedis's default pool; the caller closes it */
    public RedisClient client() {
        return client(8);
    }

    /**
     * @param connections the most connections the client's pool opens
     * @return a new client for the server, authenticated; the caller closes it
     */
    public RedisClient client(int connections) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(connections);
        pool.setMaxIdle(connections);
        return RedisClient.builder()
                .hostAndPort(new HostAndPort("127.0.0.1", port))
                .clientConfig(DefaultJedisClientConfig.builder().password(password).timeoutMillis(30_000).build())
                .poolConfig(pool)
                .build();
    }

    /** @return the loopback port the server listens on */
    public int port() {
        return port;
    }

    /** @return the server's process id */
    public long pid() {
        return process.pid();
    }

    /** Stops the server by its PID (SIGTERM, then a kill) and deletes its files. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting; the hook runs anyway
        }
        delete(root);
    }

    private boolean awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false;
            }
            try (RedisClient client = client()) {
                if ("PONG".equals(client.ping())) {
                    return true;
                }
            } catch (RuntimeException e) {
                // not ready yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (process.waitFor(20, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    private String log() {
        try {
            return Files.readString(root.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temp dir left behind is harmless
        }
    }

    @Override
    public String toString() {
        return "RedisServer[127.0.0.1:" + port + ", pid " + process.pid() + "]";
    }
}
