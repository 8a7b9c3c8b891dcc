package dev.claudecode.release;

import static dev.claudecode.release.Fixtures.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCheckTest {

    private static final Coordinates PARENT = new Coordinates(GROUP, "lib-parent", "1.0.0");
    private static final Coordinates LIB = new Coordinates(GROUP, "lib", "1.0.0");
    private static final BundleCheck.Options RELEASE = new BundleCheck.Options(true, Gpg.at(Optional.empty()));

    @TempDir
    Path temp;

    @Test
    void aCompleteUnsignedBundlePassesWithAWarningAboutItsSignatures() {
        Report report = BundleCheck.check(new Fixtures.Builder().library("1.0.0").build(), RELEASE);

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).singleElement().asString().contains("unsigned", "-Dgpg.keyname");
    }

    @Test
    void aParentPomWithoutLicensesFailsItAndTheModulesThatInheritFromIt() {
        String withoutLicenses = Fixtures.METADATA.replaceAll("(?s)<licenses>.*</licenses>", "");
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0")
                .file(PARENT.file(".pom"), Fixtures.parentPom("1.0.0", withoutLicenses, ""));

        Report report = BundleCheck.check(bundle.build(), RELEASE);

        assertThat(messages(report)).contains(
                "ERROR org.example:lib-parent:1.0.0: the POM has no <licenses>",
                "ERROR org.example:lib:1.0.0: the POM has no <licenses>");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void everyPieceOfMetadataIsRequired() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0")
                .file(PARENT.file(".pom"), Fixtures.parentPom("1.0.0", "", ""))
                .file(LIB.file(".pom"), Fixtures.childPom("lib", "1.0.0", "").replaceAll("<(name|description)>[^<]*</\\1>", ""));

        List<String> lib = messages(BundleCheck.check(bundle.build(), RELEASE)).stream()
                .filter(m -> m.startsWith("ERROR org.example:lib:")).toList();

        assertThat(lib).containsExactlyInAnyOrder(
                "ERROR org.example:lib:1.0.0: the POM has no <name>",
                "ERROR org.example:lib:1.0.0: the POM has no <description>",
                "ERROR org.example:lib:1.0.0: the POM has no <url>",
                "ERROR org.example:lib:1.0.0: the POM has no <licenses>",
                "ERROR org.example:lib:1.0.0: the POM has no <developers>",
                "ERROR org.example:lib:1.0.0: the POM has no <scm> with <url> and <connection>");
    }

    @Test
    void aLicenceNeedsANameAndAUrl() {
        String nameless = Fixtures.METADATA.replace("<name>Apache-2.0</name>", "");
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0")
                .file(PARENT.file(".pom"), Fixtures.parentPom("1.0.0", nameless, ""));

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE)))
                .contains("ERROR org.example:lib-parent:1.0.0: a <license> lacks its <name> or <url>");
    }

    @Test
    void aParentOutsideTheBundleIsNamedWhenMetadataIsMissing() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0").remove(PARENT.file(".pom"));

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE)))
                .contains("ERROR org.example:lib:1.0.0: the POM has no <licenses> (its parent org.example:lib-parent:1.0.0 is not in the bundle)");
    }

    @Test
    void aJarModuleNeedsItsJarSourcesAndJavadoc() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0").remove(LIB.file("-sources.jar")).remove(LIB.file("-javadoc.jar"));

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE))).contains(
                "ERROR org.example:lib:1.0.0: has no lib-1.0.0-sources.jar (Maven Central requires it for packaging jar)",
                "ERROR org.example:lib:1.0.0: has no lib-1.0.0-javadoc.jar (Maven Central requires it for packaging jar)");
    }

    @Test
    void aComponentWithoutItsPomFails() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0").remove(LIB.file(".pom"));

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE))).contains("ERROR org.example:lib:1.0.0: has no lib-1.0.0.pom");
    }

    @Test
    void checksumsMustBeThereAndMatch() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0")
                .remove(LIB.file(".jar.sha1"))
                .replace(LIB.file(".jar.md5"), "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))
                .replace(LIB.file("-sources.jar"), Fixtures.jar("org/example/lib/Changed.java"));

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE))).contains(
                "ERROR org/example/lib/1.0.0/lib-1.0.0.jar: has no .sha1 checksum",
                "ERROR org/example/lib/1.0.0/lib-1.0.0.jar.md5: does not match the file",
                "ERROR org/example/lib/1.0.0/lib-1.0.0-sources.jar.md5: does not match the file",
                "ERROR org/example/lib/1.0.0/lib-1.0.0-sources.jar.sha512: does not match the file");
    }

    @Test
    void theOptionalShaTwoChecksumsMayBeLeftOut() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0");
        List.copyOf(bundle.files().keySet()).stream().filter(p -> p.endsWith(".sha256") || p.endsWith(".sha512")).forEach(bundle::remove);

        assertThat(BundleCheck.check(bundle.build(), RELEASE).errors()).isEmpty();
    }

    @Test
    void aSnapshotDependencyFails() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0").module("app", "1.0.0",
                "<dependency><groupId>com.other</groupId><artifactId>thing</artifactId><version>2.0-SNAPSHOT</version></dependency>");

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE)))
                .contains("ERROR org.example:app:1.0.0: dependency com.other:thing:2.0-SNAPSHOT is a SNAPSHOT, which Maven Central does not hold");
    }

    @Test
    void aSnapshotPluginOrManagedDependencyFailsToo() {
        String extra = """
                <dependencyManagement><dependencies>
                  <dependency><groupId>com.other</groupId><artifactId>managed</artifactId><version>${managed.version}</version></dependency>
                </dependencies></dependencyManagement>
                <build><plugins><plugin><artifactId>maven-fancy-plugin</artifactId><version>1.0-SNAPSHOT</version></plugin></plugins></build>
                """;
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0")
                .file(PARENT.file(".pom"), Fixtures.parentPom("1.0.0", Fixtures.METADATA, extra)
                        .replace("<properties>", "<properties><managed.version>3-SNAPSHOT</managed.version>"));

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE))).contains(
                "ERROR org.example:lib-parent:1.0.0: managed dependency com.other:managed:3-SNAPSHOT is a SNAPSHOT, which Maven Central does not hold",
                "ERROR org.example:lib-parent:1.0.0: plugin org.apache.maven.plugins:maven-fancy-plugin:1.0-SNAPSHOT is a SNAPSHOT, which Maven Central does not hold");
    }

    @Test
    void aSnapshotBundleDependsOnItsOwnSnapshotsAndIsARehearsalUnlessAReleaseIsRequired() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.1.0-SNAPSHOT").module("app", "1.1.0-SNAPSHOT",
                "<dependency><groupId>org.example</groupId><artifactId>lib</artifactId><version>${project.version}</version></dependency>");

        Report rehearsal = BundleCheck.check(bundle.build(), new BundleCheck.Options(false, Gpg.at(Optional.empty())));
        Report release = BundleCheck.check(bundle.build(), RELEASE);

        assertThat(rehearsal.errors()).isEmpty();
        assertThat(messages(rehearsal)).anyMatch(m -> m.startsWith("WARNING bundle: a rehearsal: 3 of its components have a SNAPSHOT version"));
        assertThat(messages(release.errors())).singleElement().asString().startsWith("ERROR bundle: 3 of its components have a SNAPSHOT version");
    }

    @Test
    void aDependencyOfTheSameGroupMustBeInTheBundle() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0").module("app", "1.0.0", """
                <dependency><groupId>org.example</groupId><artifactId>lib</artifactId><version>1.0.0</version></dependency>
                <dependency><groupId>${project.groupId}</groupId><artifactId>unpublished</artifactId><version>1.0.0</version></dependency>
                <dependency><groupId>org.example</groupId><artifactId>test-helper</artifactId><version>1.0.0</version><scope>test</scope></dependency>
                """);

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE))).containsExactlyInAnyOrder(
                "ERROR org.example:app:1.0.0: dependency org.example:unpublished is of this group but not in the bundle, so users could not resolve it",
                "WARNING bundle: unsigned: Maven Central requires a .asc signature beside each of its 9 files; build with -Dgpg.keyname=<key> to sign them (RELEASING.md)");
    }

    @Test
    void aVersionThatDoesNotResolveFails() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0").module("app", "1.0.0",
                "<dependency><groupId>com.other</groupId><artifactId>thing</artifactId><version>${nobody.set.this}</version></dependency>");

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE)))
                .contains("ERROR org.example:app:1.0.0: the version ${nobody.set.this} of dependency com.other:thing does not resolve");
    }

    @Test
    void theJarsMustHoldClassesSourcesAndAJavadocWithoutInternalPackages() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0")
                .file(LIB.file(".jar"), Fixtures.jar("META-INF/MANIFEST.MF"))
                .file(LIB.file("-sources.jar"), Fixtures.jar("README.md"))
                .file(LIB.file("-javadoc.jar"), Fixtures.jar("index.html", "org/example/internal/Impl.html", "org/example/internal/x/package-summary.html"));

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE))).contains(
                "ERROR org/example/lib/1.0.0/lib-1.0.0.jar: holds no class",
                "ERROR org/example/lib/1.0.0/lib-1.0.0-sources.jar: holds no Java source",
                "ERROR org/example/lib/1.0.0/lib-1.0.0-javadoc.jar: documents internal packages, which are not API: "
                        + "org/example/internal/Impl.html, org/example/internal/x/package-summary.html");
    }

    @Test
    void aJavadocJarNeedsAnIndexAndAJarMustBeAZip() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0")
                .file(LIB.file("-javadoc.jar"), Fixtures.jar("org/example/lib/Lib.html"))
                .file(LIB.file(".jar"), "not a zip".getBytes(StandardCharsets.UTF_8));

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE))).contains(
                "ERROR org/example/lib/1.0.0/lib-1.0.0-javadoc.jar: has no index.html",
                "ERROR org/example/lib/1.0.0/lib-1.0.0.jar: is not a jar, or an empty one");
    }

    @Test
    void filesOutsideTheRepositoryLayoutFail() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0")
                .file("README.txt", "hello")
                .file("org/example/lib/1.0.0/other-1.0.0.jar", Fixtures.jar("A.class"));

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE))).contains(
                "ERROR README.txt: not in a groupId/artifactId/version directory",
                "ERROR org/example/lib/1.0.0/other-1.0.0.jar: its name does not start with lib-1.0.0, as the files of its directory must");
    }

    @Test
    void aPomInTheWrongDirectoryFails() {
        Fixtures.Builder bundle = new Fixtures.Builder().library("1.0.0")
                .file(LIB.file(".pom"), Fixtures.childPom("library", "1.0.0", ""));

        assertThat(messages(BundleCheck.check(bundle.build(), RELEASE)))
                .contains("ERROR org.example:lib:1.0.0: its POM says it is org.example:library:1.0.0");
    }

    @Test
    void anEmptyBundleFails() {
        assertThat(messages(BundleCheck.check(Bundle.of(Map.of()), RELEASE))).containsExactly("ERROR bundle: holds no component");
    }

    @Test
    void aSignedBundlePassesWhenEverySignatureVerifies() throws Exception {
        try (TestKeyring keyring = TestKeyring.create(temp, "")) {
            Bundle bundle = signed(new Fixtures.Builder().library("1.0.0"), keyring, Optional.empty());

            Report report = BundleCheck.check(bundle, new BundleCheck.Options(true, keyring.gpg()));

            assertThat(report.findings()).isEmpty();
        }
    }

    @Test
    void aKeyWithAPassphraseSignsWithThePassphraseOnStandardInput() throws Exception {
        try (TestKeyring keyring = TestKeyring.create(temp, "correct horse")) {
            keyring.forgetPassphrases();
            Bundle bundle = signed(new Fixtures.Builder().library("1.0.0"), keyring, Optional.of("correct horse"));

            assertThat(BundleCheck.check(bundle, new BundleCheck.Options(true, keyring.gpg())).findings()).isEmpty();
            keyring.forgetPassphrases();
            Path file = Files.writeString(temp.resolve("f"), "x");
            assertThatThrownBy(() -> keyring.gpg().sign(file, TestKeyring.USER, Optional.of("wrong horse")))
                    .hasMessageContaining("gpg could not sign f");
        }
    }

    @Test
    void aMissingOrWrongSignatureFailsASignedBundle() throws Exception {
        try (TestKeyring keyring = TestKeyring.create(temp, "")) {
            Bundle good = signed(new Fixtures.Builder().library("1.0.0"), keyring, Optional.empty());
            Map<String, byte[]> files = new LinkedHashMap<>();
            good.paths().forEach(p -> files.put(p, good.get(p).orElseThrow()));
            files.remove(LIB.file("-javadoc.jar.asc"));
            files.put(LIB.file(".pom.asc"), good.get(LIB.file(".jar.asc")).orElseThrow());

            Report report = BundleCheck.check(Bundle.of(files), new BundleCheck.Options(true, keyring.gpg()));

            assertThat(messages(report)).contains("ERROR org/example/lib/1.0.0/lib-1.0.0-javadoc.jar: has no .asc signature, though the bundle is signed");
            assertThat(messages(report)).anyMatch(m -> m.startsWith("ERROR org/example/lib/1.0.0/lib-1.0.0.pom.asc: does not verify: "));
            assertThat(report.errors()).hasSize(2);
        }
    }

    private Bundle signed(Fixtures.Builder builder, TestKeyring keyring, Optional<String> passphrase) throws Exception {
        Path directory = temp.resolve("signed-" + System.nanoTime());
        for (Map.Entry<String, byte[]> file : builder.files().entrySet()) {
            Path path = directory.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
            if (!Checksums.isChecksum(file.getKey())) {
                keyring.gpg().sign(path, TestKeyring.USER, passphrase);
            }
        }
        return Bundle.readDirectory(directory);
    }

    private static List<String> messages(Report report) {
        return messages(report.findings());
    }

    private static List<String> messages(List<Report.Finding> findings) {
        return findings.stream().map(Report.Finding::toString).toList();
    }
}
