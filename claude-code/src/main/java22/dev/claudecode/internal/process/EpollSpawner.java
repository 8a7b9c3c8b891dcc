package dev.claudecode.internal.process;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.File;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts children with {@code posix_spawn} (Linux, glibc 2.34 or newer) and connects them through
 * non-blocking pipes that the one {@link Poller} thread watches, with a {@code pidfd} per child for
 * its exit (Linux 5.3 or newer). The JVM then holds no thread per child or per stream: the
 * library reads the pipes on virtual threads, which unmount while they wait.
 *
 * <p>The child gets what {@link ProcessBuilder} gives it: the environment given, the working
 * directory, no descriptor beyond 0, 1 and 2 ({@code closefrom}), and, beyond the JDK, no signal
 * blocked and every signal at its default disposition. A file that the kernel will not execute
 * ({@code ENOEXEC}, a script without {@code #!}) is run by {@code /bin/sh}, as the JDK does.
 */
public final class EpollSpawner implements Spawner {

    private final Poller poller;

    private EpollSpawner(Poller poller) {
        this.poller = poller;
    }

    /**
     * Creates the spawner when it can work here.
     *
     * @param forced take it even when this module has not been granted native access
     * @return the spawner, or null when native access is not granted and it was not forced
     * @throws UnsupportedOperationException when this platform lacks what it needs
     * @throws IOException when the poller cannot start
     */
    public static EpollSpawner create(boolean forced) throws IOException {
        if (!forced && !EpollSpawner.class.getModule().isNativeAccessEnabled()) {
            return null;
        }
        if (!System.getProperty("os.name", "").equals("Linux")) {
            throw new UnsupportedOperationException("epoll is Linux only");
        }
        if (Libc.FA_CLOSEFROM == null || Libc.POSIX_SPAWN == null) {
            throw new UnsupportedOperationException("the C library lacks posix_spawn's closefrom");
        }
        probePidfd();
        return new EpollSpawner(Poller.get());
    }

    /** Fails when the kernel has no {@code pidfd_open} (before Linux 5.3). */
    private static void probePidfd() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.ERRNO_BYTES);
            int fd = Libc.pidfdOpen(state, (int) ProcessHandle.current().pid());
            if (fd < 0) {
                throw new UnsupportedOperationException("pidfd_open: " + Libc.strerror(Libc.errno(state)));
            }
            Libc.closeQuietly(fd);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }

    @Override
    public String name() {
        return "epoll";
    }

    @Override
    public SpawnedProcess spawn(List<String> command, Map<String, String> environment, Optional<String> workingDirectory)
            throws IOException {
        if (command.isEmpty()) {
            throw new IOException("no command");
        }
        String program = command.getFirst();
        String executable = resolve(program, environment);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.ERRNO_BYTES);
            int[] in = null;
            int[] out = null;
            int[] err = null;
            try {
                in = pipe(arena, state);
                out = pipe(arena, state);
                err = pipe(arena, state);
                int pid = spawn(arena, executable, command, environment, workingDirectory, in[0], out[1], err[1]);
                if (pid == -Libc.ENOEXEC) {
                    List<String> viaShell = new ArrayList<>(command.size() + 1);
                    viaShell.add("/bin/sh");
                    viaShell.add(executable);
                    viaShell.addAll(command.subList(1, command.size()));
                    pid = spawn(arena, "/bin/sh", viaShell, environment, workingDirectory, in[0], out[1], err[1]);
                }
                if (pid < 0) {
                    throw new IOException("Cannot run program \"" + program + "\"" + workingDirectory.map(d -> " (in directory \"" + d + "\")").orElse("")
                            + ": error=" + -pid + ", " + Libc.strerror(-pid));
                }
                // the child has its copies: the parent keeps only its own ends
                Libc.closeQuietly(in[0]);
                Libc.closeQuietly(out[1]);
                Libc.closeQuietly(err[1]);
                in[0] = out[1] = err[1] = -1;
                Libc.setNonBlocking(state, in[1]);
                Libc.setNonBlocking(state, out[0]);
                Libc.setNonBlocking(state, err[0]);
                int pidfd = Libc.pidfdOpen(state, pid);
                if (pidfd < 0) {
                    throw new IOException("pidfd_open: " + Libc.strerror(Libc.errno(state)));
                }
                return new EpollProcess(poller, pid, pidfd, in[1], out[0], err[0]);
            } catch (IOException | RuntimeException | Error e) {
                closeAll(in, out, err);
                throw e;
            } catch (Throwable e) {
                closeAll(in, out, err);
                throw new IOException(e);
            }
        }
    }

    /** @return the child's pid, or minus the error number when it could not be started */
    private static int spawn(Arena arena, String executable, List<String> argv, Map<String, String> environment,
            Optional<String> workingDirectory, int stdin, int stdout, int stderr) throws Throwable {
        MemorySegment actions = arena.allocate(Libc.SPAWN_STRUCT_BYTES, 16);
        MemorySegment attributes = arena.allocate(Libc.SPAWN_STRUCT_BYTES, 16);
        MemorySegment signals = arena.allocate(Libc.SPAWN_STRUCT_BYTES, 16);
        MemorySegment pid = arena.allocate(JAVA_INT);
        check((int) Libc.FA_INIT.invokeExact(actions), "posix_spawn_file_actions_init");
        try {
            check((int) Libc.ATTR_INIT.invokeExact(attributes), "posix_spawnattr_init");
            try {
                check((int) Libc.FA_DUP2.invokeExact(actions, stdin, 0), "adddup2");
                check((int) Libc.FA_DUP2.invokeExact(actions, stdout, 1), "adddup2");
                check((int) Libc.FA_DUP2.invokeExact(actions, stderr, 2), "adddup2");
                check((int) Libc.FA_CLOSEFROM.invokeExact(actions, 3), "addclosefrom_np");
                if (workingDirectory.isPresent()) {
                    check((int) Libc.FA_CHDIR.invokeExact(actions, Libc.cString(arena, workingDirectory.get())), "addchdir_np");
                }
                check((int) Libc.SIGEMPTYSET.invokeExact(signals), "sigemptyset");
                check((int) Libc.ATTR_SETSIGMASK.invokeExact(attributes, signals), "setsigmask");
                check((int) Libc.SIGFILLSET.invokeExact(signals), "sigfillset");
                check((int) Libc.ATTR_SETSIGDEFAULT.invokeExact(attributes, signals), "setsigdefault");
                check((int) Libc.ATTR_SETFLAGS.invokeExact(attributes, (short) (Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF)),
                        "setflags");
                List<String> variables = new ArrayList<>(environment.size());
                environment.forEach((name, value) -> variables.add(name + "=" + value));
                int error = (int) Libc.POSIX_SPAWN.invokeExact(pid, Libc.cString(arena, executable), actions, attributes,
                        strings(arena, argv), strings(arena, variables));
                return error == 0 ? pid.get(JAVA_INT, 0) : -error;
            } finally {
                int ignored = (int) Libc.ATTR_DESTROY.invokeExact(attributes);
            }
        } finally {
            int ignored = (int) Libc.FA_DESTROY.invokeExact(actions);
        }
    }

    private static void check(int error, String call) throws IOException {
        if (error != 0) {
            throw new IOException(call + ": " + Libc.strerror(error));
        }
    }

    /** @return a NULL-terminated array of C strings */
    private static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ADDRESS, i, Libc.cString(arena, values.get(i)));
        }
        array.setAtIndex(ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    /** @return a pipe, both ends close-on-exec: {read, write} */
    private static int[] pipe(Arena arena, MemorySegment state) throws Throwable {
        MemorySegment fds = arena.allocate(JAVA_INT, 2);
        if ((int) Libc.PIPE2.invokeExact(state, fds, Libc.O_CLOEXEC) < 0) {
            throw new IOException("pipe2: " + Libc.strerror(Libc.errno(state)));
        }
        return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
    }

    private static void closeAll(int[]... pipes) {
        for (int[] pipe : pipes) {
            if (pipe != null) {
                Libc.closeQuietly(pipe[0]);
                Libc.closeQuietly(pipe[1]);
            }
        }
    }

    /**
     * Finds a program as the JDK does: a name with a slash as it is, else the first executable of
     * that name on this JVM's {@code PATH}.
     */
    private static String resolve(String program, Map<String, String> environment) throws IOException {
        if (program.contains("/")) {
            return program;
        }
        String path = System.getenv("PATH");
        for (String directory : (path == null ? "/bin:/usr/bin" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IOException("Cannot run program \"" + program + "\": error=" + Libc.ENOENT + ", " + Libc.strerror(Libc.ENOENT));
    }
}
