package dev.claudecode.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.CliInstallException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarballExtractorTest {

    @TempDir
    Path dir;

    private static final byte[] BINARY = randomBytes(70_001);

    @Test
    void extractsTheFileBelowThePackageFolderSkippingOthers() throws IOException {
        Path tgz = write(TestTarball.create()
                .directory("package/")
                .file("package/README.md", randomBytes(1000))
                .file("package/bin/claude", "not this one".getBytes(StandardCharsets.UTF_8))
                .file("package/claude", BINARY, 0755)
                .file("package/LICENSE.md", randomBytes(10))
                .gzip());

        Path target = dir.resolve("out");
        TarballExtractor.extract(tgz, "claude", target);

        assertThat(Files.readAllBytes(target)).isEqualTo(BINARY);
    }

    @Test
    void acceptsAnyPackageFolderNameAsNpmDoes() throws IOException {
        Path tgz = write(TestTarball.create().file("node/claude", BINARY).gzip());

        TarballExtractor.extract(tgz, "claude", dir.resolve("out"));

        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(BINARY);
    }

    @Test
    void readsUstarPrefixedNames() throws IOException {
        Path tgz = write(TestTarball.create().fileWithPrefix("package", "claude", BINARY).gzip());

        TarballExtractor.extract(tgz, "claude", dir.resolve("out"));

        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(BINARY);
    }

    @Test
    void readsGnuLongNames() throws IOException {
        String longDir = "d".repeat(120);
        Path tgz = write(TestTarball.create()
                .fileWithGnuLongName("package/" + longDir + "/other", "x".getBytes(StandardCharsets.UTF_8))
                .fileWithGnuLongName("package/" + longDir + "/claude", BINARY)
                .gzip());

        TarballExtractor.extract(tgz, longDir + "/claude", dir.resolve("out"));

        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(BINARY);
    }

    @Test
    void readsPaxPaths() throws IOException {
        String longDir = "p".repeat(150);
        Path tgz = write(TestTarball.create()
                .fileWithPaxPath("package/" + longDir + "/claude", BINARY)
                .gzip());

        TarballExtractor.extract(tgz, longDir + "/claude", dir.resolve("out"));

        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(BINARY);
    }

    @Test
    void aMissingFileIsAnInstallError() throws IOException {
        Path tgz = write(TestTarball.create().file("package/README.md", randomBytes(10)).gzip());

        assertThatThrownBy(() -> TarballExtractor.extract(tgz, "claude", dir.resolve("out")))
                .isInstanceOf(CliInstallException.class)
                .hasMessageContaining("no file package/claude");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aTruncatedArchiveIsAnInstallError() throws IOException {
        byte[] tar = TestTarball.create().file("package/claude", BINARY).tar();
        Path tgz = write(TestTarball.gzip(Arrays.copyOf(tar, 512 + 20_000)));

        assertThatThrownBy(() -> TarballExtractor.extract(tgz, "claude", dir.resolve("out")))
                .isInstanceOf(CliInstallException.class)
                .hasMessageContaining("corrupt or truncated");
    }

    @Test
    void aHeaderWithABadChecksumIsAnInstallError() throws IOException {
        byte[] header = TestTarball.header("package/claude", "", 3, '0', 0644);
        header[0] = 'X';
        Path tgz = write(TestTarball.create().raw(header).raw(new byte[512]).gzip());

        assertThatThrownBy(() -> TarballExtractor.extract(tgz, "claude", dir.resolve("out")))
                .isInstanceOf(CliInstallException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void dataThatIsNotGzipIsAnInstallError() throws IOException {
        Path tgz = write("<html>not a tarball</html>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TarballExtractor.extract(tgz, "claude", dir.resolve("out")))
                .isInstanceOf(CliInstallException.class)
                .hasMessageContaining("corrupt or truncated");
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("package.tgz"), bytes);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
