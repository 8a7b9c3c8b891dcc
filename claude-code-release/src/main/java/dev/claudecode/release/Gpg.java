package dev.claudecode.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * GnuPG, for the {@code .asc} signatures Maven Central requires: signs with a key of the user's
 * keyring and verifies signatures. The passphrase goes to gpg on its standard input, never on its
 * command line.
 *
 * @param homedir the GnuPG home directory, when not the user's default
 * @param timeoutSeconds how long one gpg run may take
 */
record Gpg(Optional<Path> homedir, long timeoutSeconds) {

    private static final int MAX_OUTPUT = 64 * 1024;

    /** Validates the components. */
    Gpg {
        Objects.requireNonNull(homedir, "homedir");
    }

    /**
     * @param homedir the GnuPG home directory, when not the user's default
     * @return gpg with a one-minute limit per run
     */
    static Gpg at(Optional<Path> homedir) {
        return new Gpg(homedir, 60);
    }

    /**
     * Writes a detached, ASCII-armoured signature beside a file, as {@code <file>.asc}.
     *
     * @param file the file to sign
     * @param key the key's id, fingerprint or user id
     * @param passphrase the key's passphrase, when it has one
     * @throws IOException when gpg fails
     */
    void sign(Path file, String key, Optional<String> passphrase) throws IOException {
        List<String> command = base();
        command.addAll(List.of("--yes", "--local-user", key, "--armor", "--detach-sign"));
        if (passphrase.isPresent()) {
            command.addAll(List.of("--pinentry-mode", "loopback", "--passphrase-fd", "0"));
        }
        command.addAll(List.of("--output", file + ".asc", file.toString()));
        Result result = run(command, passphrase.map(p -> p + "\n").orElse(""));
        if (result.status() != 0) {
            throw new IOException("gpg could not sign " + file.getFileName() + " with key " + key + ": " + result.output());
        }
    }

    /**
     * Verifies a detached signature against the public keys of the keyring.
     *
     * @param file the signed file
     * @param signature its {@code .asc} signature
     * @return empty when the signature is good, else what gpg said
     * @throws IOException when gpg cannot be run
     */
    Optional<String> verify(Path file, Path signature) throws IOException {
        List<String> command = base();
        command.addAll(List.of("--verify", signature.toString(), file.toString()));
        Result result = run(command, "");
        return result.status() == 0 ? Optional.empty() : Optional.of(result.output().strip());
    }

    private List<String> base() {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty"));
        homedir.ifPresent(dir -> command.addAll(List.of("--homedir", dir.toString())));
        return command;
    }

    private record Result(int status, String output) {
    }

    private Result run(List<String> command, String input) throws IOException {
        Path log = Files.createTempFile("gpg", ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            Files.deleteIfExists(log);
            throw new IOException("cannot run gpg (is GnuPG installed?): " + e.getMessage(), e);
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IOException("gpg did not finish within " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), head(log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while gpg ran", e);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String head(Path log) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
        }
    }
}
