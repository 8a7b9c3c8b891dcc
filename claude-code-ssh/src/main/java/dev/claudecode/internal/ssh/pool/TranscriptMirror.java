package dev.claudecode.internal.ssh.pool;

import dev.claudecode.history.History;
import dev.claudecode.history.ProjectDirectories;
import dev.claudecode.internal.session.SerialExecutor;
import dev.claudecode.internal.session.SessionPlace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local copy of one pooled session's transcripts, kept so that the conversation can move to
 * another host even when its host can no longer be read.
 *
 * <p>After each turn the new whole lines of {@code <config>/projects/<project>/<id>.jsonl} are
 * appended here (the CLI only appends to a transcript; when the mirrored part no longer matches,
 * the file is copied whole), and the files under {@code <project>/<id>/} (large tool results,
 * subagent transcripts) are copied when new or changed. The CLI writes a turn's last assistant
 * record a moment after the turn's result, so an update waits, briefly, until the record it was
 * told to expect is there.
 *
 * <p>Only one host writes the mirror at a time: updates from any other are dropped, so a late
 * update from a host the session has left cannot mix into what was copied to the new one.
 */
public final class TranscriptMirror implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptMirror.class);
    private static final String SUFFIX = ".jsonl";
    /** How much of the mirrored end is compared with the host's file before appending to it. */
    private static final int OVERLAP = 256;
    /** How long an update keeps looking for the record it expects. */
    private static final Duration AWAIT_RECORD = Duration.ofSeconds(3);
    private static final long FIRST_RETRY_MILLIS = 25;
    private static final long LAST_RETRY_MILLIS = 500;

    private final Path root;
    private final ReentrantLock lock = new ReentrantLock();
    private final SerialExecutor updates = new SerialExecutor("ssh-pool-mirror");
    private volatile HostPlace writer;
    /** Where the writer keeps each transcript, as a path string: a remote path belongs to one connection. */
    private final Map<String, String> located = new ConcurrentHashMap<>();
    private boolean closed;

    /**
     * Creates an empty mirror.
     *
     * @param root a local directory of its own, which it deletes on close
     */
    public TranscriptMirror(Path root) {
        this.root = root;
    }

    /**
     * Names the only host whose updates count from now on.
     *
     * @param place the session's place on that host, or empty to accept none
     */
    public void acceptFrom(Optional<HostPlace> place) {
        lock.lock();
        try {
            writer = place.orElse(null);
            located.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Updates the mirror in the background, after the updates already asked for.
     *
     * @param source where the session runs
     * @param sessionId the conversation
     * @param expectedUuid a record the transcript must hold before the update ends, if any
     * @return completes when the update is done or has given up; never exceptionally
     */
    public CompletableFuture<Void> updateLater(HostPlace source, String sessionId, Optional<String> expectedUuid) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        updates.execute(() -> {
            try {
                update(source, sessionId, expectedUuid);
            } catch (IOException | RuntimeException e) {
                LOG.debug("Could not mirror session {} from {}: {}", sessionId, source.slot(), e.toString());
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /**
     * @param sessionId a conversation
     * @return whether the mirror holds a non-empty transcript of it
     */
    public boolean holds(String sessionId) {
        lock.lock();
        try {
            Path file = transcript(sessionId);
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Copies what the mirror holds of a conversation to where the CLI on another host looks for
     * it, replacing what is there. The working directory is created first, so that its real path
     * names the project directory as the CLI will.
     *
     * @param target the session's place on the other host
     * @param sessionId the conversation
     * @throws IOException when the files cannot be written there
     */
    public void copyTo(HostPlace target, String sessionId) throws IOException {
        lock.lock();
        try {
            SessionPlace place = target.place();
            Files.createDirectories(place.cwd());
            Path projectDir = ProjectDirectories.directoryFor(place.configDir(), place.cwd());
            Files.createDirectories(projectDir);
            for (Path file : localFiles(sessionId)) {
                Path destination = projectDir;
                for (Path name : root.relativize(file)) {
                    destination = destination.resolve(name.toString());
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(destination)) {
                    in.transferTo(out);
                }
                makePrivate(destination);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops later updates and deletes the mirror's files. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            writer = null;
            deleteTree(root);
        } finally {
            lock.unlock();
        }
    }

    private void update(HostPlace source, String sessionId, Optional<String> expectedUuid) throws IOException {
        if (writer != source) {
            return;
        }
        Optional<Path> found = locate(source, sessionId);
        if (found.isEmpty()) {
            return;
        }
        Path remote = found.get();
        byte[] needle = expectedUuid.map(uuid -> ("\"uuid\":\"" + uuid + "\"").getBytes(StandardCharsets.UTF_8)).orElse(null);
        boolean seen = needle == null || indexOf(tail(sessionId), needle) >= 0;
        long deadline = System.nanoTime() + AWAIT_RECORD.toNanos();
        long pause = FIRST_RETRY_MILLIS;
        while (true) {
            byte[] added = appendNewLines(source, remote, sessionId);
            seen = seen || indexOf(added, needle) >= 0;
            if (seen || System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(pause * 2, LAST_RETRY_MILLIS);
        }
        copyChangedFiles(source, remote.resolveSibling(sessionId), sessionId);
    }

    /** Appends the whole lines the host's file has beyond the mirrored part; returns them. */
    private byte[] appendNewLines(HostPlace source, Path remote, String sessionId) throws IOException {
        Path local = transcript(sessionId);
        long mirrored = Files.exists(local) ? Files.size(local) : 0;
        long from = Math.max(0, mirrored - OVERLAP);
        byte[] read = readFrom(remote, from);
        int overlap = (int) (mirrored - from);
        boolean continues = read.length >= overlap && Arrays.equals(read, 0, overlap, readLocalFrom(local, from), 0, overlap);
        byte[] fresh = continues ? Arrays.copyOfRange(read, overlap, read.length) : readFrom(remote, 0);
        int whole = lastNewline(fresh) + 1;
        lock.lock();
        try {
            if (closed || writer != source) {
                return new byte[0];
            }
            Files.createDirectories(root);
            if (continues) {
                try (OutputStream out = Files.newOutputStream(local, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    out.write(fresh, 0, whole);
                }
            } else {
                LOG.debug("Transcript {} on {} no longer continues the mirrored copy; copying it whole", remote, source.slot());
                Files.write(local, Arrays.copyOf(fresh, whole));
            }
        } finally {
            lock.unlock();
        }
        return Arrays.copyOf(fresh, whole);
    }

    private void copyChangedFiles(HostPlace source, Path remoteDir, String sessionId) throws IOException {
        if (!Files.isDirectory(remoteDir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(remoteDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path local = root.resolve(sessionId);
            for (Path name : remoteDir.relativize(file)) {
                local = local.resolve(name.toString());
            }
            long size = Files.size(file);
            if (Files.exists(local) && Files.size(local) == size) {
                continue;
            }
            byte[] content = Files.readAllBytes(file);
            lock.lock();
            try {
                if (closed || writer != source) {
                    return;
                }
                Files.createDirectories(local.getParent());
                Files.write(local, content);
            } finally {
                lock.unlock();
            }
        }
    }

    // Each lookup costs the host several round trips (the working directory's links, the project
    // directory); a transcript does not move while its CLI runs, so it is looked up once per host.
    private Optional<Path> locate(HostPlace source, String sessionId) {
        String known = located.get(sessionId);
        if (known != null) {
            Path path = source.node().path(known);
            if (Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        SessionPlace place = source.place();
        Path expected = ProjectDirectories.directoryFor(place.configDir(), place.cwd()).resolve(sessionId + SUFFIX);
        Optional<Path> found = Files.isRegularFile(expected) ? Optional.of(expected)
                : History.at(place.configDir()).findSessionFile(sessionId, place.cwd());
        found.ifPresent(path -> {
            if (writer == source) {
                located.put(sessionId, path.toString());
            }
        });
        return found;
    }

    private Path transcript(String sessionId) {
        return root.resolve(sessionId + SUFFIX);
    }

    private byte[] tail(String sessionId) throws IOException {
        Path local = transcript(sessionId);
        return Files.exists(local) ? readLocalFrom(local, Math.max(0, Files.size(local) - 64 * 1024)) : new byte[0];
    }

    private List<Path> localFiles(String sessionId) throws IOException {
        List<Path> files = new ArrayList<>();
        Path transcript = transcript(sessionId);
        if (Files.isRegularFile(transcript)) {
            files.add(transcript);
        }
        Path dir = root.resolve(sessionId);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static byte[] readFrom(Path file, long offset) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
            channel.position(offset);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (channel.read(buffer) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return out.toByteArray();
        }
    }

    private static byte[] readLocalFrom(Path local, long offset) throws IOException {
        try {
            return readFrom(local, offset);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // transcripts hold the conversation: readable by the session's user only, as the CLI keeps them
    private static void makePrivate(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not make {} private: {}", file, e.toString());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not delete the transcript mirror {}: {}", dir, e.toString());
        }
    }
}
