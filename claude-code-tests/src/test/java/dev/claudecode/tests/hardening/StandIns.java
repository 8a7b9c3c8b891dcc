package dev.claudecode.tests.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The stand-in CLIs of {@code src/test/resources/fake-cli}: small shell scripts that play one fault each. */
final class StandIns {

    private StandIns() {
    }

    /**
     * Copies a stand-in into a directory as an executable file.
     *
     * @param dir where to put it
     * @param name the script's name under {@code fake-cli/}
     * @return the executable
     */
    static Path install(Path dir, String name) {
        Path script = dir.resolve(name);
        try (InputStream in = StandIns.class.getResourceAsStream("/fake-cli/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no stand-in CLI named " + name);
            }
            Files.copy(in, script);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
