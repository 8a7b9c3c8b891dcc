package dev.claudecode.internal.process;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;

/**
 * A child started by the {@link EpollSpawner}: three polled pipes and a {@code pidfd} that the
 * {@link Poller} watches. When the child exits, the poller reaps it at once (so no zombie stays),
 * tells the pipes, and completes {@link #onExit()} on a virtual thread, so that what depends on
 * the exit never runs on the poller.
 */
final class EpollProcess implements SpawnedProcess, Poller.Watcher {

    private final Poller poller;
    private final int pid;
    private final int pidfd;
    private final long token;
    private final PolledPipe stdin;
    private final PolledPipe stdout;
    private final PolledPipe stderr;
    private final OutputStream stdinStream;
    private final InputStream stdoutStream;
    private final InputStream stderrStream;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    /** Guards {@link #reaped}: a signal is sent only while the child is not reaped, so never to a reused id. */
    private final Object reaping = new Object();
    /** Native scratch room for this process and its three pipes, in one allocation. */
    private final MemorySegment scratch = Arena.ofAuto().allocate(32 + 3 * PolledPipe.SCRATCH_BYTES, 8);
    private boolean reaped;

    EpollProcess(Poller poller, int pid, int pidfd, int stdinFd, int stdoutFd, int stderrFd) throws IOException {
        this.poller = poller;
        this.pid = pid;
        this.pidfd = pidfd;
        this.stdin = new PolledPipe(poller, stdinFd, true, scratch.asSlice(32, PolledPipe.SCRATCH_BYTES));
        this.stdout = new PolledPipe(poller, stdoutFd, false, scratch.asSlice(32 + PolledPipe.SCRATCH_BYTES, PolledPipe.SCRATCH_BYTES));
        this.stderr = new PolledPipe(poller, stderrFd, false, scratch.asSlice(32 + 2 * PolledPipe.SCRATCH_BYTES, PolledPipe.SCRATCH_BYTES));
        this.stdinStream = new Output(stdin);
        this.stdoutStream = new Input(stdout);
        this.stderrStream = new Input(stderr);
        this.token = poller.add(this);
        poller.arm(pidfd, token, Libc.EPOLLIN, false, scratch.asSlice(16, 16), scratch.asSlice(8, Libc.ERRNO_BYTES));
    }

    @Override
    public void ready() {
        int status;
        synchronized (reaping) {
            if (reaped) {
                return;
            }
            MemorySegment wstatus = scratch.asSlice(0, 4);
            int result;
            try {
                result = (int) Libc.WAITPID.invokeExact(scratch.asSlice(8, Libc.ERRNO_BYTES), pid, wstatus, Libc.WNOHANG);
            } catch (Throwable e) {
                return;
            }
            if (result == 0) {
                return; // not yet: a spurious wake-up
            }
            int raw = wstatus.get(JAVA_INT, 0);
            // as the JDK reports it: the exit code, or 128 + the signal that killed the child
            status = result < 0 ? -1 : (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 0x80 + (raw & 0x7f);
            reaped = true;
        }
        poller.remove(token, pidfd, true, scratch.asSlice(8, Libc.ERRNO_BYTES));
        Libc.closeQuietly(pidfd);
        stdin.childExited();
        stdout.childExited();
        stderr.childExited();
        Thread.ofVirtual().name("claude-code-exit-" + pid).start(() -> exit.complete(status));
    }

    @Override
    public OutputStream stdin() {
        return stdinStream;
    }

    @Override
    public InputStream stdout() {
        return stdoutStream;
    }

    @Override
    public InputStream stderr() {
        return stderrStream;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit;
    }

    /**
     * Asks the kernel rather than waiting for the poller: a caller that saw the process end
     * another way (its {@link ProcessHandle}, say) must not find it alive a moment longer. A
     * child that has exited is reaped here and then, as by the poller.
     */
    @Override
    public boolean isAlive() {
        synchronized (reaping) {
            if (reaped) {
                return false;
            }
        }
        ready();
        synchronized (reaping) {
            return !reaped;
        }
    }

    @Override
    public boolean signal(boolean force) {
        synchronized (reaping) {
            if (reaped) {
                return false;
            }
            try {
                return (int) Libc.KILL.invokeExact(scratch.asSlice(8, Libc.ERRNO_BYTES), pid, force ? Libc.SIGKILL : Libc.SIGTERM) == 0;
            } catch (Throwable e) {
                return false;
            }
        }
    }

    @Override
    public String toString() {
        return "EpollProcess[pid=" + pid + "]";
    }

    private static final class Input extends InputStream implements PolledStream {

        private final PolledPipe pipe;

        Input(PolledPipe pipe) {
            this.pipe = pipe;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return pipe.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
            return pipe.read(bytes, offset, length);
        }

        @Override
        public int available() throws IOException {
            return pipe.available();
        }

        @Override
        public void bytesDueSoon() {
            pipe.bytesDueSoon();
        }

        @Override
        public void close() {
            pipe.close();
        }
    }

    private static final class Output extends OutputStream implements PolledStream {

        private final PolledPipe pipe;

        Output(PolledPipe pipe) {
            this.pipe = pipe;
        }

        @Override
        public void write(int b) throws IOException {
            pipe.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
            pipe.write(bytes, offset, length);
        }

        @Override
        public void close() {
            pipe.close();
        }
    }
}
