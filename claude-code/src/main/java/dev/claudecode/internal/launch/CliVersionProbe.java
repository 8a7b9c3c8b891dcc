package dev.claudecode.internal.launch;

import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.node.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the version of the CLI a session is about to launch, by running {@code <executable>
 * --version} on the machine where it runs. Asked only when a launch depends on it (where MCP
 * servers and settings can be delivered), and remembered per machine, executable and
 * modification time of the executable, so that one JVM asks once per binary.
 */
final class CliVersionProbe {

    private static final Logger LOG = LoggerFactory.getLogger(CliVersionProbe.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_OUTPUT_BYTES = 4096;
    private static final int MAX_REMEMBERED = 64;
    private static final Pattern VERSION = Pattern.compile("^\\s*(\\d+\\.\\d+\\.\\d+)(?![\\w.])");
    private static final Map<String, Optional<String>> KNOWN = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    private CliVersionProbe() {
    }

    /**
     * Finds the version of a CLI.
     *
     * @param node where it runs
     * @param executable the executable, as a path or command name there
     * @param environment variables for the probe, such as those a wrapper script needs
     * @return its version, such as {@code 2.1.332}; empty when it cannot be told (a wrapper or
     *     stand-in that does not answer {@code --version}, a failure to run it)
     */
    static Optional<String> version(Node node, String executable, Map<String, String> environment) {
        String key = node.name() + '\0' + executable + '\0' + modified(node, executable);
        synchronized (KNOWN) {
            Optional<String> known = KNOWN.get(key);
            if (known != null) {
                return known;
            }
        }
        Optional<String> version = ask(node, executable, environment);
        synchronized (KNOWN) {
            KNOWN.put(key, version);
        }
        return version;
    }

    private static Optional<String> ask(Node node, String executable, Map<String, String> environment) {
        try {
            CommandOptions options = new CommandOptions(Optional.empty(), environment, Optional.of(new byte[0]), TIMEOUT,
                    MAX_OUTPUT_BYTES);
            CommandResult result = node.run(List.of(executable, "--version"), options);
            Optional<String> version = result.exitStatus() == 0 ? parse(result.stdout()) : Optional.empty();
            if (version.isEmpty()) {
                LOG.debug("{} --version on {} told no version (status {})", executable, node.name(), result.exitStatus());
            }
            return version;
        } catch (RuntimeException e) {
            LOG.debug("{} --version on {} failed: {}", executable, node.name(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * Reads a version from {@code --version} output.
     *
     * @param output what the CLI printed, such as {@code 2.1.332 (Claude Code)}
     * @return the version at the start of its first line, when there is one
     */
    static Optional<String> parse(String output) {
        String firstLine = output.lines().findFirst().orElse("");
        Matcher matcher = VERSION.matcher(firstLine);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String modified(Node node, String executable) {
        try {
            return Files.getLastModifiedTime(node.path(executable)).toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
