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
 * <p>Values are escaped for {@code printf %b}: a backslash as two, a newline as {@code \n}.
 */
public final class EnvironmentPreamble {

    /** The launch script; the arguments after it are {@code $0} (a name) and the command. */
    public static final String SCRIPT = "while IFS= read -r line && [ -n \"$line\" ]; do "
            + "value=$(printf '%bx' \"${line#*=}\"); export \"${line%%=*}=${value%x}\"; done; exec \"$@\"";

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
        StringBuilder preamble = new StringBuilder();
        environment.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a variable name a container can be given: " + name);
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("the value of " + name + " holds a NUL character");
            }
            preamble.append(name).append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        });
        return preamble.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
