package dev.claudecode.spring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks a CLI executable for its version ({@code claude --version}, whose first word is the
 * version) with a time limit and a bounded read, and remembers the answer for a while: health
 * checks come often, and the executable at a path rarely changes.
 */
final class CliVersionProbe {

    private static final int MAX_OUTPUT_BYTES = 4096;

    private record Answer(Path path, Optional<String> version, Instant at) {
    }

    private final Duration timeout;
    private final Duration reuse;
    private final Clock clock;
    private final AtomicReference<Answer> last = new AtomicReference<>();

    CliVersionProbe(Duration timeout, Duration reuse, Clock clock) {
        this.timeout = timeout;
        this.reuse = reuse;
        this.clock = clock;
    }

    /**
     * @param executable the CLI
     * @return its version; empty when it does not answer in time or its answer names none
     * @throws IOException when it cannot be run
     */
    Optional<String> version(Path executable) throws IOException, InterruptedException {
        Answer known = last.get();
        Instant now = clock.instant();
        if (known != null && known.path().equals(executable) && known.at().plus(reuse).isAfter(now)) {
            return known.version();
        }
        Optional<String> version = ask(executable);
        last.set(new Answer(executable, version, now));
        return version;
    }

    private Optional<String> ask(Path executable) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(executable.toString(), "--version"))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        try (InputStream output = process.getInputStream()) {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            String text = new String(output.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0 || text.isEmpty()) {
                return Optional.empty();
            }
            String first = text.lines().findFirst().orElse("").strip().split("\\s+")[0];
            return first.matches("\\d+(\\.\\d+)+") ? Optional.of(first) : Optional.empty();
        } finally {
            process.destroyForcibly();
        }
    }
}
