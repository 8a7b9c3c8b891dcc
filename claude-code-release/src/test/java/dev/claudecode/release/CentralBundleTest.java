package dev.claudecode.release;

import static dev.claudecode.release.Fixtures.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From a built source tree to a checked bundle zip: what is published, where its files go, and what stops it. */
class CentralBundleTest {

    private static final String VERSION = "2.0.0";
    private static final BundleCheck.Options OPTIONS = new BundleCheck.Options(true, Gpg.at(Optional.empty()));

    @TempDir
    Path temp;

    Path root;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void sourceTree() throws Exception {
        root = temp.resolve("source");
        write("pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>org.example</groupId><artifactId>lib-bom</artifactId><version>2.0.0</version>
                    <relativePath>lib-bom/pom.xml</relativePath></parent>
                  <artifactId>lib-parent</artifactId>
                  <packaging>pom</packaging>
                  <name>lib-parent</name>
                  <description>The parent.</description>
                  <modules><module>lib-bom</module><module>lib</module><module>app</module></modules>
                </project>
                """);
        write("lib-bom/pom.xml", bom("<dependency><groupId>org.example</groupId><artifactId>lib</artifactId><version>${project.version}</version></dependency>"));
        module("lib", "");
        module("app", "<properties><maven.deploy.skip>true</maven.deploy.skip></properties>");
    }

    @Test
    void thePublishedModulesAreLaidOutZippedAndChecked() throws Exception {
        Path zip = build();

        Bundle bundle = Bundle.readZip(zip);
        assertThat(zip.getFileName()).hasToString("central-bundle-2.0.0.zip");
        assertThat(bundle.paths()).filteredOn(p -> !Checksums.isChecksum(p)).containsExactly(
                "org/example/lib-bom/2.0.0/lib-bom-2.0.0.pom",
                "org/example/lib-parent/2.0.0/lib-parent-2.0.0.pom",
                "org/example/lib/2.0.0/lib-2.0.0-javadoc.jar",
                "org/example/lib/2.0.0/lib-2.0.0-sources.jar",
                "org/example/lib/2.0.0/lib-2.0.0.jar",
                "org/example/lib/2.0.0/lib-2.0.0.pom");
        assertThat(bundle.paths()).contains("org/example/lib/2.0.0/lib-2.0.0.jar.md5", "org/example/lib/2.0.0/lib-2.0.0.jar.sha1",
                "org/example/lib/2.0.0/lib-2.0.0.jar.sha256", "org/example/lib/2.0.0/lib-2.0.0.jar.sha512");
        assertThat(new String(bundle.get("org/example/lib/2.0.0/lib-2.0.0.pom").orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(root.resolve("lib/pom.xml")));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("WARNING bundle: unsigned");
    }

    @Test
    void theSameTreeMakesTheSameZip() throws Exception {
        byte[] first = Files.readAllBytes(build());
        byte[] second = Files.readAllBytes(build());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aModuleThatIsNeitherInTheBomNorUnpublishedStopsTheBuild() throws Exception {
        write("app/pom.xml", Files.readString(root.resolve("app/pom.xml")).replace("<maven.deploy.skip>true</maven.deploy.skip>", ""));

        assertThatThrownBy(this::build).hasMessageContaining("could not be staged");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains(
                "ERROR app: is published but lib-bom does not list it: add it to lib-bom/pom.xml, or keep it unpublished with <maven.deploy.skip>true</maven.deploy.skip>");
    }

    @Test
    void aBomThatListsAnUnpublishedModuleStopsTheBuild() throws Exception {
        write("lib-bom/pom.xml", bom("""
                <dependency><groupId>org.example</groupId><artifactId>lib</artifactId><version>${project.version}</version></dependency>
                <dependency><groupId>org.example</groupId><artifactId>app</artifactId><version>${project.version}</version></dependency>
                """));

        assertThatThrownBy(this::build).hasMessageContaining("could not be staged");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("ERROR lib-bom: lists app, which is not a published jar module of this build");
    }

    @Test
    void aModuleWhoseJarsWereNotBuiltStopsTheBuild() throws Exception {
        Files.delete(root.resolve("lib/target/lib-2.0.0-javadoc.jar"));

        assertThatThrownBy(this::build).hasMessageContaining("could not be staged");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("ERROR org.example:lib:2.0.0: has no lib/target/lib-2.0.0-javadoc.jar");
    }

    @Test
    void aPublishedPomWithoutLicensesStopsTheBuildAtTheCheck() throws Exception {
        write("lib-bom/pom.xml", Files.readString(root.resolve("lib-bom/pom.xml")).replaceAll("(?s)<licenses>.*</licenses>", ""));

        assertThatThrownBy(this::build).hasMessageContaining("breaks Maven Central's rules")
                .hasMessageContaining("the POM has no <licenses>");
    }

    @Test
    void aKeySignsEveryFile() throws Exception {
        try (TestKeyring keyring = TestKeyring.create(temp, "")) {
            Path zip = CentralBundle.build(root, "lib-bom", temp.resolve("out"),
                    Optional.of(new Staging.Signer(keyring.gpg(), TestKeyring.USER, Optional.empty())),
                    new BundleCheck.Options(true, keyring.gpg()), new PrintStream(log, true, StandardCharsets.UTF_8));

            Bundle bundle = Bundle.readZip(zip);
            assertThat(bundle.paths()).filteredOn(p -> p.endsWith(".asc")).hasSize(6);
            assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("WARNING");
        }
    }

    @Test
    void theSignerNamesItsKeyButNoPassphrase() {
        Staging.Signer signer = new Staging.Signer(Gpg.at(Optional.empty()), "ABCD", Optional.of("secret words"));

        assertThat(signer.toString()).contains("ABCD").doesNotContain("secret");
    }

    @Test
    void argumentsAreNameValuePairsAndUnsetMavenPropertiesCountAsAbsent() throws Exception {
        assertThatThrownBy(() -> CentralBundle.main(new String[] {"rooot=/x"})).hasMessageContaining("expected name=value");
        assertThatThrownBy(() -> CentralBundle.main(new String[] {"root=${maven.multiModuleProjectDirectory}", "bom=b", "out=/tmp"}))
                .hasMessageContaining("missing root=");
    }

    private Path build() throws Exception {
        return CentralBundle.build(root, "lib-bom", temp.resolve("out"), Optional.empty(), OPTIONS,
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private String bom(String dependencies) {
        return """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>lib-bom</artifactId>
                  <version>%s</version>
                  <packaging>pom</packaging>
                  <name>lib-bom</name>
                  <description>The BOM.</description>
                %s
                  <properties><slf4j.version>2.0.20</slf4j.version></properties>
                  <dependencyManagement><dependencies>
                %s
                    <dependency><groupId>com.other</groupId><artifactId>other-bom</artifactId><version>1</version><type>pom</type><scope>import</scope></dependency>
                  </dependencies></dependencyManagement>
                </project>
                """.formatted(GROUP, VERSION, Fixtures.METADATA, dependencies);
    }

    private void module(String name, String extra) throws Exception {
        write(name + "/pom.xml", Fixtures.childPom(name, VERSION, "").replace("</project>", extra + "</project>"));
        Path target = Files.createDirectories(root.resolve(name).resolve("target"));
        Files.write(target.resolve(name + "-" + VERSION + ".jar"), Fixtures.jar("org/example/" + name + "/Main.class"));
        Files.write(target.resolve(name + "-" + VERSION + "-sources.jar"), Fixtures.jar("org/example/" + name + "/Main.java"));
        Files.write(target.resolve(name + "-" + VERSION + "-javadoc.jar"), Fixtures.jar("index.html"));
    }

    private void write(String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
