package dev.claudecode.cli;

import dev.claudecode.errors.CliNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.internal.cli.TestTarball;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class CliResolverTest {

    @TempDir
    Path temp;

    private Path home;
    private Path project;
    private Path explicit;
    private Path fromEnv;
    private Path managed;
    private Path pathDirA;
    private Path pathDirB;
    private Path common1;
    private Path common2;
    private CliInstaller installer;

    @BeforeEach
    void layOut() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        project = Files.createDirectories(temp.resolve("project"));
        explicit = temp.resolve("explicit/claude");
        fromEnv = temp.resolve("env/claude");
        pathDirA = Files.createDirectories(temp.resolve("bin-a"));
        pathDirB = Files.createDirectories(temp.resolve("bin-b"));
        common1 = temp.resolve("common-1/claude");
        common2 = temp.resolve("common-2/claude");
        installer = CliInstaller.builder().cacheDir(temp.resolve("cache")).platform(CliPlatform.LINUX_X64).build();
        managed = installer.binaryPath();
    }

    @Test
    void theExplicitPathWinsOverEverything() throws IOException {
        createAll();

        assertThat(resolver().cliPath(explicit).build().resolve())
                .isEqualTo(new CliLocation(explicit, CliLocation.Source.EXPLICIT));
    }

    @Test
    void theEnvironmentVariableWinsOverTheManagedInstall() throws IOException {
        createAll();

        assertThat(resolver().build().resolve()).isEqualTo(new CliLocation(fromEnv, CliLocation.Source.ENVIRONMENT));
    }

    @Test
    void theManagedInstallWinsOverThePath() throws IOException {
        createAll();

        assertThat(resolver(pathOnly()).build().resolve())
                .isEqualTo(new CliLocation(managed, CliLocation.Source.MANAGED));
    }

    @Test
    void thePathWinsOverCommonLocationsInPathOrder() throws IOException {
        createAll();
        Files.delete(managed);

        assertThat(resolver(pathOnly()).build().resolve())
                .isEqualTo(new CliLocation(pathDirA.resolve("claude"), CliLocation.Source.PATH));
        Files.delete(pathDirA.resolve("claude"));
        assertThat(resolver(pathOnly()).build().resolve())
                .isEqualTo(new CliLocation(pathDirB.resolve("claude"), CliLocation.Source.PATH));
    }

    @Test
    void commonLocationsAreTriedInOrderLast() throws IOException {
        createAll();
        Files.delete(managed);
        Files.delete(pathDirA.resolve("claude"));
        Files.delete(pathDirB.resolve("claude"));

        assertThat(resolver(pathOnly()).build().resolve())
                .isEqualTo(new CliLocation(common1, CliLocation.Source.COMMON_LOCATION));
        Files.delete(common1);
        assertThat(resolver(pathOnly()).build().resolve())
                .isEqualTo(new CliLocation(common2, CliLocation.Source.COMMON_LOCATION));
    }

    @Test
    void filesThatAreNotExecutableAreSkipped() throws IOException {
        Files.createDirectories(pathDirA);
        Files.writeString(pathDirA.resolve("claude"), "not executable");
        Files.createDirectories(pathDirA.resolve("claude-dir"));
        executable(pathDirB.resolve("claude"));

        assertThat(resolver(pathOnly()).build().resolve().path()).isEqualTo(pathDirB.resolve("claude"));
    }

    @Test
    void notFoundListsEveryPlaceInOrderAndHowToInstall() {
        CliResolver resolver = resolver(pathOnly()).build();

        assertThatThrownBy(resolver::resolve)
                .isInstanceOfSatisfying(CliNotFoundException.class, e -> {
                    assertThat(e.searched()).containsExactly(managed, pathDirA.resolve("claude"),
                            temp.resolve("missing-dir/claude"), pathDirB.resolve("claude"), common1, common2);
                    for (Path place : e.searched()) {
                        assertThat(e.getMessage()).contains(place.toString());
                    }
                    assertThat(e.getMessage())
                            .contains("claude-code install-cli")
                            .contains("CliInstaller.builder().build().install()")
                            .contains("autoInstallCli(false)")
                            .contains("CLAUDE_CODE_CLI_PATH");
                });
        assertThat(resolver.find()).isEmpty();
    }

    @Test
    void aPlaceThatTwoRulesLookAtIsListedOnce() {
        // the PATH names a common location's folder too, and one folder twice
        String path = pathDirA + ":" + common1.getParent() + ":" + pathDirA;
        CliResolver resolver = resolver(Map.of("PATH", path)).build();

        assertThatThrownBy(resolver::resolve)
                .isInstanceOfSatisfying(CliNotFoundException.class, e -> {
                    assertThat(e.searched()).doesNotHaveDuplicates().contains(common1, pathDirA.resolve("claude"));
                    for (Path place : e.searched()) {
                        assertThat(e.getMessage().split("\n")).filteredOn(line -> line.startsWith("  " + place + "  ("))
                                .as(place.toString()).hasSize(1);
                    }
                });
    }

    @Test
    void anExplicitPathThatIsMissingFailsInsteadOfFallingBack() throws IOException {
        createAll();
        Path missing = temp.resolve("nowhere/claude");

        assertThatThrownBy(() -> resolver().cliPath(missing).build().resolve())
                .isInstanceOfSatisfying(CliNotFoundException.class, e -> {
                    assertThat(e.searched()).containsExactly(missing);
                    assertThat(e).hasMessageContaining(missing + ") does not exist");
                });
    }

    @Test
    void anEnvironmentPathThatIsNotExecutableFailsInsteadOfFallingBack() throws IOException {
        createAll();
        Files.setPosixFilePermissions(fromEnv, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> resolver().build().find())
                .isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining("CLAUDE_CODE_CLI_PATH (" + fromEnv + ") is not an executable file");
    }

    @Test
    void relativePathsAreResolvedAgainstTheWorkingDirectory() throws IOException {
        executable(project.resolve("tools/claude"));

        assertThat(resolver().cliPath(Path.of("tools/claude")).build().resolve().path())
                .isEqualTo(project.resolve("tools/claude"));
        assertThat(resolver(Map.of("CLAUDE_CODE_CLI_PATH", "tools/claude")).build().resolve())
                .isEqualTo(new CliLocation(project.resolve("tools/claude"), CliLocation.Source.ENVIRONMENT));
    }

    @Test
    void autoInstallRunsTheManagedInstallWhenNothingIsFound() {
        // a version without a built-in digest: the fake registry's test binary is not the released one
        String version = CliInstallerTest.UNPINNED;
        try (FakeNpmRegistry registry = FakeNpmRegistry.start()) {
            registry.publish("@anthropic-ai/claude-code-linux-x64", version,
                    TestTarball.cliPackage(TestTarball.versionScript(version)));
            CliInstaller installing = installer.toBuilder().version(version).registry(registry.uri()).allowHttpRegistry(true)
                    .localEnvironment(new LocalEnvironment(Map.of(), home, project)).build();

            CliLocation location = resolver(pathOnly()).installer(installing).autoInstall(true).build().resolve();
            CliLocation again = resolver(pathOnly()).installer(installing).autoInstall(true).build().resolve();

            assertThat(location).isEqualTo(new CliLocation(installing.binaryPath(), CliLocation.Source.INSTALLED));
            assertThat(again).isEqualTo(new CliLocation(installing.binaryPath(), CliLocation.Source.MANAGED));
            assertThat(registry.tarballDownloads).hasValue(1);
        }
    }

    @Test
    void theDefaultInstallerUsesTheHomeDirectoryCache() throws IOException {
        Path defaultManaged = home.resolve(".cache/claude-code-java/cli/" + dev.claudecode.ClaudeCode.cliVersion() + "/claude");
        executable(defaultManaged);

        assertThat(CliResolver.builder().localEnvironment(new LocalEnvironment(Map.of(), home, project))
                .commonLocations(List.of()).build().resolve())
                .isEqualTo(new CliLocation(defaultManaged, CliLocation.Source.MANAGED));
    }

    @Test
    void theDefaultCommonLocationsStartWithTheNativeInstallerAndIncludeTheProject() {
        List<Path> locations = CliResolver.defaultCommonLocations(new LocalEnvironment(Map.of(), home, project));

        assertThat(locations).startsWith(home.resolve(".claude/local/claude"), home.resolve(".local/bin/claude"))
                .contains(home.resolve(".npm-global/bin/claude"), project.resolve("node_modules/.bin/claude"),
                        Path.of("/usr/local/bin/claude"), Path.of("/opt/homebrew/bin/claude"));
    }

    @Test
    void commonLocationsUnderTheHomeDirectoryAreFoundByDefault() throws IOException {
        executable(home.resolve(".local/bin/claude"));

        assertThat(CliResolver.builder().localEnvironment(new LocalEnvironment(Map.of(), home, project))
                .installer(installer).build().resolve())
                .isEqualTo(new CliLocation(home.resolve(".local/bin/claude"), CliLocation.Source.COMMON_LOCATION));
    }

    private CliResolver.Builder resolver() {
        return resolver(Map.of("CLAUDE_CODE_CLI_PATH", fromEnv.toString(), "PATH", pathValue()));
    }

    private CliResolver.Builder resolver(Map<String, String> variables) {
        return CliResolver.builder()
                .localEnvironment(new LocalEnvironment(variables, home, project))
                .installer(installer)
                .commonLocations(List.of(common1, common2));
    }

    private Map<String, String> pathOnly() {
        return Map.of("PATH", pathValue());
    }

    private String pathValue() {
        return pathDirA + ":" + temp.resolve("missing-dir") + "::" + pathDirB;
    }

    private void createAll() throws IOException {
        for (Path file : List.of(explicit, fromEnv, managed, pathDirA.resolve("claude"), pathDirB.resolve("claude"), common1, common2)) {
            executable(file);
        }
    }

    private static void executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\necho claude\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
