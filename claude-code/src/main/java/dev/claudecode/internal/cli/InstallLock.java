package dev.claudecode.internal.cli;

import dev.claudecode.errors.CliInstallException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Mutual exclusion between installers of the same version, in this JVM and in other processes.
 * A file lock alone is not enough: the JVM holds file locks per process, so two threads locking
 * the same file get an {@code OverlappingFileLockException} instead of waiting, hence the
 * in-process semaphore in front of it.
 *
 * <p>The lock file is left in place on purpose: deleting it would let a third installer lock a
 * fresh file while a second one still waits on the old one.
 */
public final class InstallLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 100;

    private final Semaphore semaphore;
    private final FileChannel channel;
    private final FileLock lock;

    private InstallLock(Semaphore semaphore, FileChannel channel, FileLock lock) {
        this.semaphore = semaphore;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits for the lock.
     *
     * @param lockFile the lock file; its directory must exist
     * @param timeout how long to wait for other installers
     * @return the held lock; close it to release
     * @throws CliInstallException when another installer holds the lock for longer than the timeout
     * @throws IOException when the lock file cannot be opened
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public static InstallLock acquire(Path lockFile, Duration timeout) throws IOException, InterruptedException {
        Path key = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore semaphore = IN_PROCESS.computeIfAbsent(key, k -> new Semaphore(1));
        if (!semaphore.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw busy(key, timeout);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                if (System.nanoTime() - deadline > 0) {
                    throw busy(key, timeout);
                }
                Thread.sleep(POLL_MILLIS);
            }
            return new InstallLock(semaphore, channel, lock);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            semaphore.release();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                semaphore.release();
            }
        }
    }

    private static CliInstallException busy(Path key, Duration timeout) {
        return new CliInstallException("Another installer (thread or process) has held " + key + " for more than "
                + timeout.toSeconds() + " s; file locks end with their process, so retry once it has finished");
    }
}
