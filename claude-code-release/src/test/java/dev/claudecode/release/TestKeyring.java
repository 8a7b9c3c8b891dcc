package dev.claudecode.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away GnuPG home with one signing key, for the signature tests; closing it stops the
 * gpg-agent that gpg started for it. Needs GnuPG ({@code gpg}, {@code gpgconf}), which .ci/run installs.
 */
final class TestKeyring implements AutoCloseable {

    static final String USER = "Release Test <release-test@example.invalid>";

    private final Path home;

    private TestKeyring(Path home) {
        this.home = home;
    }

    /**
     * Creates a home with an Ed25519 signing key.
     *
     * @param directory an empty directory for it
     * @param passphrase the key's passphrase, empty for none
     * @return the keyring
     */
    static TestKeyring create(Path directory, String passphrase) throws IOException {
        Path home = Files.createDirectories(directory.resolve("gnupg"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        TestKeyring keyring = new TestKeyring(home);
        keyring.run(List.of("gpg", "--batch", "--homedir", home.toString(), "--pinentry-mode", "loopback",
                "--passphrase-fd", "0", "--quick-generate-key", USER, "ed25519", "sign", "never"), passphrase + "\n");
        return keyring;
    }

    /** Stops the gpg-agent, which forgets the passphrases it was given; gpg starts a new one when needed. */
    void forgetPassphrases() throws IOException {
        run(List.of("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent"), "");
    }

    /** @return gpg working on this home */
    Gpg gpg() {
        return Gpg.at(Optional.of(home));
    }

    /** @return the home directory */
    Path home() {
        return home;
    }

    private void run(List<String> command, String input) throws IOException {
        Path log = Files.createTempFile(home, "run", ".log");
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            try (var in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finishes", command).isTrue();
            assertThat(process.exitValue()).as("%s: %s", command, Files.readString(log)).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.getFirst() + " ran", e);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    @Override
    public void close() throws IOException {
        run(List.of("gpgconf", "--homedir", home.toString(), "--kill", "all"), "");
    }
}
