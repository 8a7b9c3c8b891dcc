package dev.claudecode.internal.ssh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The POSIX shell script that starts a command on a remote host: it sets the environment, enters
 * the working directory, starts the command in a process group of its own and reports that
 * group's id on stderr before the command can write anything, waits for the client's go-ahead
 * ({@link #GO_AHEAD} on stdin), then waits for the command and exits with its status.
 *
 * <p>The command gets its own process group (with {@code setsid}, or {@code perl} where there is
 * none) so that the whole tree it starts can be signalled at once: without a terminal, closing an
 * SSH channel signals nothing on the remote side.
 *
 * @param command the program and its arguments
 * @param environment variables to export; names must be valid shell identifiers
 * @param workingDirectory where to run, when not the login directory; {@code ~/} is the home
 * @param createWorkingDirectory whether to create the working directory when it is missing
 * @param selfDirectory a private directory holding the script itself, which the script removes
 *     before anything else, because the script holds the environment
 * @param files private files to create before the command starts, by absolute path, all in one
 *     new directory that the script makes owner-only ({@code umask 077}) and removes once the
 *     command has exited; their content is in the script as here-documents, never in a command's
 *     arguments
 */
public record LaunchScript(
        List<String> command,
        Map<String, String> environment,
        Optional<String> workingDirectory,
        boolean createWorkingDirectory,
        Optional<String> selfDirectory,
        Map<String, String> files) {

    /** The line the script writes on stderr before the command starts: this prefix, then the group id. */
    public static final String PID_MARKER = "claude-code-java:pid:";

    /** Exit status of the script when the working directory is unusable, as a shell reports "cannot execute". */
    public static final int CANNOT_ENTER_DIRECTORY = 126;

    /** Exit status of the script when the command is not found, as a shell reports it. */
    public static final int NOT_FOUND = 127;

    /** Exit status of the group leader when its input ended before the go-ahead line: the client is gone. */
    public static final int NOT_STARTED = 125;

    /** What the client writes on the command's stdin once the watchdog knows the group. */
    public static final String GO_AHEAD = "\n";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Validates and copies the components. */
    public LaunchScript {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the command is empty");
        }
        environment = Map.copyOf(environment);
        environment.keySet().forEach(name -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a valid environment variable name for a remote shell: '" + name + "'");
            }
        });
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(selfDirectory, "selfDirectory");
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /**
     * A script that creates no files.
     *
     * @param command the program and its arguments
     * @param environment variables to export
     * @param workingDirectory where to run
     * @param createWorkingDirectory whether to create the working directory when it is missing
     * @param selfDirectory the private directory holding the script, when it is a file
     */
    public LaunchScript(List<String> command, Map<String, String> environment, Optional<String> workingDirectory,
            boolean createWorkingDirectory, Optional<String> selfDirectory) {
        this(command, environment, workingDirectory, createWorkingDirectory, selfDirectory, Map.of());
    }

    /** @return the script's text */
    public String text() {
        StringBuilder script = new StringBuilder();
        script.append("# started by claude-code-java\n");
        selfDirectory.ifPresent(dir -> script.append("rm -rf -- ").append(ShellQuote.quote(dir)).append('\n'));
        new TreeMap<>(environment).forEach((name, value) ->
                script.append("export ").append(name).append('=').append(quoteValue(value)).append('\n'));
        script.append("ccj_fail() { printf 'claude-code-java: %s: %s\\n' \"$2\" \"$3\" >&2; exit \"$1\"; }\n");
        appendFiles(script);
        workingDirectory.ifPresent(dir -> {
            String quoted = directoryWord(dir);
            String shown = ShellQuote.quote(dir);
            if (createWorkingDirectory) {
                script.append("mkdir -p -- ").append(quoted).append(" || ccj_fail ").append(CANNOT_ENTER_DIRECTORY)
                        .append(" 'cannot create the working directory' ").append(shown).append('\n');
            }
            script.append("cd -- ").append(quoted).append(" || ccj_fail ").append(CANNOT_ENTER_DIRECTORY)
                    .append(" 'cannot enter the working directory' ").append(shown).append('\n');
        });
        script.append("set -- ").append(ShellQuote.join(command)).append('\n');
        script.append("command -v -- \"$1\" >/dev/null 2>&1 || ccj_fail ").append(NOT_FOUND)
                .append(" 'cannot run' \"$1 is not found or not executable\"\n");
        // The command's group leader reports its pid, then waits for one empty line on stdin
        // (the shell reads a pipe byte by byte, so nothing meant for the command is consumed):
        // the client sends it once the watchdog knows the group, so no command ever runs that the
        // watchdog could not end. Without that line (the client is gone) nothing is started.
        script.append("ccj_leader='printf \"").append(PID_MARKER).append("%s\\n\" \"$$\" >&2; IFS= read -r ccj_go || exit ")
                .append(NOT_STARTED).append("; exec \"$@\"'\n");
        script.append("if command -v setsid >/dev/null 2>&1; then\n");
        // a background job of a shell without job control is never a group leader, so setsid
        // makes the new session in place and the leader's pid is the group's id
        script.append("  set -- setsid /bin/sh -c \"$ccj_leader\" sh \"$@\"\n");
        script.append("elif command -v perl >/dev/null 2>&1; then\n");
        script.append("  set -- perl -e 'setpgrp(0, 0) or die \"claude-code-java: setpgrp: $!\\n\"; exec { $ARGV[0] } @ARGV' /bin/sh -c \"$ccj_leader\" sh \"$@\"\n");
        script.append("else\n");
        script.append("  ccj_fail ").append(NOT_FOUND).append(" 'cannot start the command in a process group of its own' 'the host has neither setsid nor perl'\n");
        script.append("fi\n");
        // a background job's stdin is /dev/null unless redirected explicitly
        script.append("exec 3<&0\n");
        script.append("\"$@\" <&3 3<&- &\n");
        script.append("ccj_pid=$!\n");
        script.append("exec 3<&- 0</dev/null\n");
        script.append("wait \"$ccj_pid\"\n");
        if (!files.isEmpty()) {
            // the launch files go with the command, even when the client that started it is gone
            String first = files.keySet().iterator().next();
            script.append("ccj_status=$?\n");
            script.append("rm -rf -- ").append(ShellQuote.quote(first.substring(0, first.lastIndexOf('/')))).append('\n');
            script.append("exit \"$ccj_status\"\n");
        }
        return script.toString();
    }

    // A new owner-only directory, then each file from a here-document: the content reaches cat on
    // its standard input, never as an argument.
    private void appendFiles(StringBuilder script) {
        if (files.isEmpty()) {
            return;
        }
        String first = files.keySet().iterator().next();
        String directory = ShellQuote.quote(first.substring(0, first.lastIndexOf('/')));
        script.append("ccj_umask=$(umask); umask 077\n");
        script.append("mkdir -- ").append(directory).append(" || ccj_fail ").append(CANNOT_ENTER_DIRECTORY)
                .append(" 'cannot create the private launch directory' ").append(directory).append('\n');
        files.forEach((path, content) -> {
            String end = "CCJ_" + UUID.randomUUID().toString().replace("-", "");
            if (content.contains(end)) {
                throw new IllegalArgumentException("a launch file holds its own end marker");
            }
            script.append("cat > ").append(ShellQuote.quote(path)).append(" <<'").append(end).append("' || ccj_fail ")
                    .append(CANNOT_ENTER_DIRECTORY).append(" 'cannot write the private launch file' ")
                    .append(ShellQuote.quote(path)).append('\n').append(content).append('\n').append(end).append('\n');
        });
        script.append("umask \"$ccj_umask\"\n");
    }

    // Always quoted, even when plain: the value is data, never shell syntax.
    private static String quoteValue(String value) {
        String quoted = ShellQuote.quote(value);
        return quoted.startsWith("'") ? quoted : "'" + quoted + "'";
    }

    private static String directoryWord(String dir) {
        if (dir.equals("~")) {
            return "\"$HOME\"";
        }
        if (dir.startsWith("~/")) {
            return "\"$HOME\"/" + ShellQuote.quote(dir.substring(2));
        }
        return ShellQuote.quote(dir);
    }
}
