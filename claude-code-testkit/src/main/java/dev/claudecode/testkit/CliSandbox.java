package dev.claudecode.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The per-server scratch space of the CLI (a fresh {@code CLAUDE_CONFIG_DIR},
 * {@code CLAUDE_CODE_TMPDIR} and {@code HOME} under one temp root, deleted on close) and the
 * environment that points the CLI at the fake API.
 *
 * <p>The empty home keeps the machine's shell start-up files out of the CLI's Bash tool, which
 * sources them: a {@code ~/.bashrc} that is slow, or that waits on a lock a killed shell left
 * behind, would otherwise decide how long a test takes.
 */
final class CliSandbox implements AutoCloseable {

    /**
     * Variables that keep the CLI from reaching for the network beyond the model API (update
     * checks, telemetry, error reports), which offline would only cost time.
     */
    static final Map<String, String> QUIET = quietKnobs();

    private final Path root;
    private final Path configDir;
    private final Path tmpDir;
    private final Path home;

    private CliSandbox(Path root) throws IOException {
        this.root = root;
        this.configDir = Files.createDirectory(root.resolve("config"));
        this.tmpDir = Files.createDirectory(root.resolve("tmp"));
        this.home = Files.createDirectory(root.resolve("home"));
    }

    /**
     * Creates the directories under the JVM's temp dir.
     *
     * @return the sandbox
     * @throws UncheckedIOException when they cannot be created
     */
    static CliSandbox create() {
        try {
            return new CliSandbox(Files.createTempDirectory("claude-fake-api-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the CLI's temp dirs", e);
        }
    }

    Path configDir() {
        return configDir;
    }

    Path tmpDir() {
        return tmpDir;
    }

    /**
     * The environment for a CLI that talks to the fake API.
     *
     * @param baseUrl the fake API's address
     * @param apiKey the (fake) key
     * @param quiet whether to add {@link #QUIET}
     * @param extra further variables, which win over the others
     * @return an insertion-ordered copy
     */
    Map<String, String> environment(URI baseUrl, String apiKey, boolean quiet, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ANTHROPIC_BASE_URL", baseUrl.toString());
        env.put("ANTHROPIC_API_KEY", apiKey);
        env.put("CLAUDE_CONFIG_DIR", configDir.toString());
        env.put("CLAUDE_CODE_TMPDIR", tmpDir.toString());
        env.put("HOME", home.toString());
        if (quiet) {
            env.putAll(QUIET);
        }
        env.putAll(extra);
        return env;
    }

    /** Deletes the directories and everything the CLI left in them, as far as possible. */
    @Override
    public void close() {
        // a CLI that is still exiting may create files while we delete, so try twice
        for (int attempt = 0; attempt < 2 && Files.exists(root); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
                for (Path path : deepestFirst) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException e) {
                // left for the next attempt; a temp dir that survives is harmless
            }
        }
    }

    private static Map<String, String> quietKnobs() {
        Map<String, String> knobs = new LinkedHashMap<>();
        knobs.put("DISABLE_AUTOUPDATER", "1");
        knobs.put("DISABLE_TELEMETRY", "1");
        knobs.put("DISABLE_ERROR_REPORTING", "1");
        return Collections.unmodifiableMap(knobs);
    }
}
