package dev.claudecode.internal.node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hands a process its environment through its standard input instead of its container's
 * configuration, where anyone who may inspect the container (or read the pod spec) would see the
 * API key. The container's command is {@code /bin/sh -c SCRIPT launch EXECUTABLE ARGS...}: the
 * script reads {@code NAME=VALUE} lines up to an empty line, exports them, and {@code exec}s the
 * executable, which reads the rest of the same input. The shell reads its input one byte at a
 * time (it must not read past the empty line on a pipe), so nothing meant for the CLI is lost.
 *
 * <p>The same input carries the launch's private files ({@code LaunchSpec.files}): a line whose
 * name is an absolute path is a file, which the script writes under {@code umask 077} (its new
 * directory {@code 0700}, the file {@code 0600}) with the shell's built-in {@code printf}, so its
 * content is never in a command's arguments.
 *
 * <p>Values are escaped for {@code printf %b}: a backslash as two, a newline as {@code \n}.
 */
public final class EnvironmentPreamble {

    /** The launch script; the arguments after it are {@code $0} (a name) and the command. */
    public static final String SCRIPT = "ccj_umask=$(umask); while IFS= read -r line && [ -n \"$line\" ]; do "
            + "value=$(printf '%bx' \"${line#*=}\"); value=${value%x}; case \"$line\" in "
            + "/*) f=${line%%=*}; umask 077; { [ -d \"${f%/*}\" ] || mkdir -- \"${f%/*}\"; } && printf '%s' \"$value\" > \"$f\" "
            + "|| exit 126; umask \"$ccj_umask\";; "
            + "*) export \"${line%%=*}=$value\";; esac; done; exec \"$@\"";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvironmentPreamble() {
    }

    /**
     * The container's command for a launch.
     *
     * @param command the executable and its arguments
     * @return {@code /bin/sh -c SCRIPT launch} followed by the command
     */
    public static List<String> command(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "launch"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * The bytes to write before anything else.
     *
     * @param environment the variables
     * @return the preamble, ending with the empty line
     * @throws IllegalArgumentException when a name is not a shell variable name or a value holds a NUL
     */
    public static byte[] encode(Map<String, String> environment) {
        return encode(environment, Map.of());
    }

    /**
     * The bytes to write before anything else, with the launch's private files.
     *
     * @param environment the variables
     * @param files the files' content by absolute path, all in one new directory
     * @return the preamble, ending with the empty line
     * @throws IllegalArgumentException when a name is not a shell variable name, a path is not
     *     absolute or holds {@code =} or a newline, or a value holds a NUL
     */
    public static byte[] encode(Map<String, String> environment, Map<String, String> files) {
        StringBuilder preamble = new StringBuilder();
        files.forEach((path, content) -> {
            if (!path.startsWith("/") || path.contains("=") || path.contains("\n") || content.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("not a launch file a container can be given: " + path);
            }
            preamble.append(path).append('=').append(escape(content)).append('\n');
        });
        environment.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a variable name a container can be given: " + name);
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("the value of " + name + " holds a NUL character");
            }
            preamble.append(name).append('=').append(escape(value)).append('\n');
        });
        return preamble.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
