package dev.claudecode.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.CliInstallException;
import dev.claudecode.errors.CliIntegrityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityTest {

    @TempDir
    Path dir;

    private static final byte[] CONTENT = "tarball bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheMatchingSha512() throws Exception {
        Integrity integrity = Integrity.of(Optional.of(sri("SHA-512", "sha512", CONTENT)), Optional.empty());

        integrity.verify(file(CONTENT), "the tarball");

        assertThat(integrity.algorithm()).isEqualTo("sha512");
    }

    @Test
    void refusesOtherBytesNamingBothDigests() throws Exception {
        String expected = sri("SHA-512", "sha512", CONTENT);
        byte[] tampered = "tarball bytez".getBytes(StandardCharsets.UTF_8);
        Integrity integrity = Integrity.of(Optional.of(expected), Optional.empty());
        String actual = sri("SHA-512", "sha512", tampered);

        assertThatThrownBy(() -> integrity.verify(file(tampered), "https://example.test/x.tgz"))
                .isInstanceOfSatisfying(CliIntegrityException.class, e -> {
                    assertThat(e.expected()).isEqualTo(expected);
                    assertThat(e.actual()).isEqualTo(actual);
                    assertThat(e).hasMessageContaining("https://example.test/x.tgz");
                });
    }

    @Test
    void checksTheStrongestOfSeveralDigests() throws Exception {
        String list = sri("SHA-1", "sha1", CONTENT) + " " + sri("SHA-512", "sha512", CONTENT) + "?opt "
                + sri("SHA-256", "sha256", CONTENT);

        assertThat(Integrity.of(Optional.of(list), Optional.empty()).algorithm()).isEqualTo("sha512");
    }

    @Test
    void fallsBackToTheLegacyShasum() throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(CONTENT));
        Integrity integrity = Integrity.of(Optional.empty(), Optional.of(hex.toUpperCase()));

        integrity.verify(file(CONTENT), "x");

        assertThat(integrity.algorithm()).isEqualTo("sha1");
        assertThatThrownBy(() -> integrity.verify(file(new byte[] {1}), "x")).isInstanceOf(CliIntegrityException.class);
    }

    @Test
    void refusesMetadataWithoutAUsableDigest() {
        assertThatThrownBy(() -> Integrity.of(Optional.of("md5-abc sha512-tooShort"), Optional.of("xyz")))
                .isInstanceOf(CliInstallException.class)
                .isNotInstanceOf(CliIntegrityException.class)
                .hasMessageContaining("no usable integrity digest");
    }

    private Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "f", ".tgz"), content);
    }

    private static String sri(String jdkName, String sriName, byte[] content) throws Exception {
        return sriName + "-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance(jdkName).digest(content));
    }
}
