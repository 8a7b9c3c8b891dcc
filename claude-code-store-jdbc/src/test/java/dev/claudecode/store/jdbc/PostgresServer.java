package dev.claudecode.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL server for tests: a new cluster ({@code initdb}) in a temp dir, the
 * server ({@code postgres}) started on a free loopback port with password authentication, stopped
 * by its PID and deleted on {@link #close()}. Needs the PostgreSQL server binaries (Debian's
 * {@code postgresql} package, or {@code PG_BIN} naming their directory). Run as root, the server
 * runs as the unprivileged {@code postgres} user, which PostgreSQL insists on.
 *
 * <pre>{@code
 * try (PostgresServer server = PostgresServer.start()) {
 *     DataSource dataSource = server.dataSource();
 *     ...
 * }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {

    private static final String USER = "test";
    private static final String DATABASE = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path root;
    private final Process process;
    private final int port;
    private final String password;
    private final Thread shutdownHook;

    private PostgresServer(Path root, Process process, int port, String password) {
        this.root = root;
        this.process = process;
        this.port = port;
        this.password = password;
        this.shutdownHook = new Thread(this::stopProcess, "postgres-test-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a server tuned for tests: no fsync, no synchronous commit (a crash may lose the
     * cluster, which is thrown away anyway).
     *
     * @return the running server
     */
    public static PostgresServer start() {
        return start(false);
    }

    /**
     * Starts a server.
     *
     * @param durable whether commits are flushed to disk as in production (for measurements)
     * @return the running server
     */
    public static PostgresServer start(boolean durable) {
        Path bin = binaries();
        Path root;
        try {
            root = Files.createTempDirectory("claude-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            boolean asRoot = isRoot();
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Path passwordFile = Files.writeString(root.resolve("password"), password + "\n");
            if (asRoot) {
                run(List.of("chown", "-R", "postgres:postgres", root.toString()), Duration.ofSeconds(30));
            }
            Path data = root.resolve("data");
            run(asUser(asRoot, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                    "-A", "scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C", "--no-sync")),
                    Duration.ofSeconds(120));
            Files.delete(passwordFile);
            IOException lastFailure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                        "-k", root.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                        "-c", "max_connections=300", "-c", "shared_buffers=128MB"));
                if (!durable) {
                    command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
                }
                Process process = new ProcessBuilder(asUser(asRoot, command))
                        .redirectErrorStream(true)
                        .redirectOutput(root.resolve("server.log").toFile())
                        .start();
                PostgresServer server = new PostgresServer(root, process, port, password);
                if (server.awaitReady()) {
                    return server;
                }
                server.stopProcess();
                Runtime.getRuntime().removeShutdownHook(server.shutdownHook);
                lastFailure = new IOException("postgres did not start on port " + port + ":\n" + server.log());
            }
            throw lastFailure;
        } catch (IOException e) {
            delete(root);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(root);
            throw e;
        }
    }

    /** @return a new data source for the server's {@code postgres} database, with password authentication */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(DATABASE);
        dataSource.setUser(USER);
        dataSource.setPassword(password);
        dataSource.setConnectTimeout(10);
        dataSource.setSocketTimeout(120);
        return dataSource;
    }

    /** @return the loopback port the server listens on */
    public int port() {
        return port;
    }

    /** @return the server's process id */
    public long pid() {
        return process.pid();
    }

    /** @return the user name the data sources log in with */
    public String user() {
        return USER;
    }

    /** @return the password of {@link #user()}, random for each server */
    public String password() {
        return password;
    }

    /** Stops the server by its PID (a fast shutdown, then a kill) and deletes its files. */
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
        DataSource dataSource = dataSource();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false;
            }
            try (Connection connection = dataSource.getConnection()) {
                if (connection.isValid(5)) {
                    return true;
                }
            } catch (SQLException e) {
                // not ready yet
            }
            try {
                Thread.sleep(100);
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
        List<ProcessHandle> children = process.descendants().toList();
        try {
            // SIGINT is PostgreSQL's fast shutdown: it ends the sessions and the server at once
            run(List.of("kill", "-INT", Long.toString(process.pid())), Duration.ofSeconds(10));
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                return;
            }
        } catch (IOException e) {
            // fall through to the kill
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private String log() {
        try {
            return Files.readString(root.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static Path binaries() {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                Optional<Path> newest = dirs.map(dir -> dir.resolve("bin"))
                        .filter(dir -> Files.isExecutable(dir.resolve("postgres")) && Files.isExecutable(dir.resolve("initdb")))
                        .max(Comparator.comparing(dir -> versionOf(dir.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
                + " (install Debian's postgresql package, or set PG_BIN)");
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() throws IOException {
        return "0".equals(output(List.of("id", "-u")).strip());
    }

    private static List<String> asUser(boolean asRoot, List<String> command) {
        if (!asRoot) {
            return command;
        }
        // setpriv execs the command: the process we start is the server itself, and its PID is the server's
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish in " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed with " + process.exitValue() + ":\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String output(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return text;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
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
        return "PostgresServer[127.0.0.1:" + port + ", pid " + process.pid() + "]";
    }
}
