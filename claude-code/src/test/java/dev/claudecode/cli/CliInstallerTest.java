package dev.claudecode.cli;

import dev.claudecode.errors.CliInstallException;
import dev.claudecode.errors.CliIntegrityException;
import dev.claudecode.errors.CliVersionMismatchException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.internal.cli.PinnedDigests;
import dev.claudecode.internal.cli.TestTarball;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class CliInstallerTest {

    /** The pinned version: its digests are built in, so no test tarball passes for it. */
    private static final String PINNED = dev.claudecode.ClaudeCode.cliVersion();
    /** A version without a built-in digest, which the fake registry publishes; the registry's digest is checked. */
    static final String UNPINNED = "2.1.300";
    private static final String VERSION = UNPINNED;
    private static final String PACKAGE = "@anthropic-ai/claude-code-linux-x64";
    private static final String LOCK_FILE = "." + VERSION + ".lock";

    @TempDir
    Path temp;

    private Path cacheDir;
    private FakeNpmRegistry registry;

    @BeforeEach
    void startRegistry() {
        cacheDir = temp.resolve("cache");
        registry = FakeNpmRegistry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void installsAVerifiedBinaryAtCacheDirVersionClaude() throws Exception {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));

        Path binary = installer().build().install();

        assertThat(binary).isEqualTo(cacheDir.resolve(VERSION).resolve("claude"));
        assertThat(Files.isExecutable(binary)).isTrue();
        assertThat(run(binary, "--version")).isEqualTo(VERSION + " (Claude Code)");
        assertThat(listing(cacheDir)).containsExactlyInAnyOrder(VERSION, LOCK_FILE);
        assertThat(listing(cacheDir.resolve(VERSION))).containsExactly("claude");
        assertThat(registry.requests).containsExactly(
                "GET /@anthropic-ai%2fclaude-code-linux-x64/" + VERSION,
                "GET /tarballs/claude-code-linux-x64-" + VERSION + ".tgz");
    }

    @Test
    void progressIsReportedFromTheDownloadToTheInstalledBinary() {
        byte[] tarball = TestTarball.cliPackage(TestTarball.versionScript(VERSION));
        registry.publish(PACKAGE, VERSION, tarball);
        List<InstallProgress> reports = new java.util.concurrent.CopyOnWriteArrayList<>();

        installer().progress(reports::add).build().install();

        assertThat(reports).isNotEmpty().allSatisfy(report -> assertThat(report.version()).isEqualTo(VERSION));
        assertThat(reports).extracting(InstallProgress::stage).containsSubsequence(
                InstallProgress.Stage.DOWNLOADING, InstallProgress.Stage.VERIFYING, InstallProgress.Stage.INSTALLED);
        assertThat(reports.get(reports.size() - 1).stage()).isEqualTo(InstallProgress.Stage.INSTALLED);
        InstallProgress lastDownload = reports.stream().filter(r -> r.stage() == InstallProgress.Stage.DOWNLOADING)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(lastDownload.bytes()).isEqualTo(tarball.length);
        assertThat(lastDownload.totalBytes()).hasValue(tarball.length);
        assertThat(lastDownload.fraction()).hasValue(1.0);
        assertThat(reports).extracting(InstallProgress::bytes).isSorted();
    }

    @Test
    void aFailingProgressListenerDoesNotFailTheInstall() {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));

        Path binary = installer().progress(report -> {
            throw new IllegalStateException("listener bug");
        }).build().install();

        assertThat(Files.isExecutable(binary)).isTrue();
    }

    @Test
    void aSecondInstallDownloadsNothing() {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
        Path first = installer().build().install();
        int requests = registry.requests.size();

        Path again = installer().build().install();
        registry.close();
        Path offline = installer().build().install();

        assertThat(again).isEqualTo(first);
        assertThat(offline).isEqualTo(first);
        assertThat(registry.requests).hasSize(requests);
        assertThat(registry.tarballDownloads).hasValue(1);
        assertThat(installer().build().installed()).contains(first);
    }

    @Test
    void aTamperedTarballIsRefusedAndLeavesNothing() throws IOException {
        byte[] genuine = TestTarball.cliPackage(TestTarball.versionScript(VERSION));
        byte[] tampered = TestTarball.cliPackage(TestTarball.versionScript(VERSION + "\nrm -rf ~"));
        registry.publish(PACKAGE, VERSION, tampered, FakeNpmRegistry.sha512(genuine));

        assertThatThrownBy(() -> installer().build().install())
                .isInstanceOfSatisfying(CliIntegrityException.class, e -> {
                    assertThat(e.expected()).isEqualTo(FakeNpmRegistry.sha512(genuine));
                    assertThat(e.actual()).isEqualTo(FakeNpmRegistry.sha512(tampered));
                    assertThat(e).hasMessageContaining(registry.tarballPath(PACKAGE, VERSION));
                });
        assertOnlyLockFileLeft();
    }

    @Test
    void aBinaryReportingAnotherVersionIsRefusedAndLeavesNothing() throws IOException {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript("2.1.196")));

        assertThatThrownBy(() -> installer().build().install())
                .isInstanceOfSatisfying(CliVersionMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo(VERSION);
                    assertThat(e.actual()).isEqualTo("2.1.196 (Claude Code)");
                });
        assertOnlyLockFileLeft();
    }

    @Test
    void aBinaryForAnotherPlatformIsInstalledOnItsDigestWithoutRunningIt() throws IOException {
        CliPlatform foreign = CliPlatform.detect() == CliPlatform.LINUX_ARM64 ? CliPlatform.LINUX_X64 : CliPlatform.LINUX_ARM64;
        byte[] unrunnable = "#!/bin/sh\nexit 3\n".getBytes(StandardCharsets.UTF_8);
        registry.publish(foreign.packageName(), VERSION, TestTarball.cliPackage(unrunnable));

        Path binary = installer().platform(foreign).build().install();

        assertThat(binary).isEqualTo(cacheDir.resolve(VERSION).resolve("claude"));
        assertThat(Files.readAllBytes(binary)).isEqualTo(unrunnable);
    }

    @Test
    void aMissingTarballIsAnInstallErrorAndLeavesNothing() throws IOException {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
        registry.failWith("/tarballs/", 404);

        assertThatThrownBy(() -> installer().build().install())
                .isExactlyInstanceOf(CliInstallException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining(registry.tarballPath(PACKAGE, VERSION));
        assertOnlyLockFileLeft();
    }

    @Test
    void aFailingRegistryIsAnInstallError() throws IOException {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
        registry.failWith("/@anthropic-ai", 500);

        assertThatThrownBy(() -> installer().build().install())
                .isExactlyInstanceOf(CliInstallException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("registry " + registry.uri());
        assertOnlyLockFileLeft();
        assertThat(registry.tarballDownloads).hasValue(0);
    }

    @Test
    void anUnknownPackageIsAnInstallError() {
        assertThatThrownBy(() -> installer().build().install())
                .isExactlyInstanceOf(CliInstallException.class)
                .hasMessageContaining("has no package " + PACKAGE);
    }

    @Test
    void anUnreachableRegistryIsAnInstallError() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }

        assertThatThrownBy(() -> installer().registry(closed).build().install())
                .isExactlyInstanceOf(CliInstallException.class)
                .hasMessageContaining("GET " + closed);
        assertOnlyLockFileLeft();
    }

    @Test
    void registriesWithoutVersionDocumentsAreReadThroughThePackageDocument() {
        registry.serveVersionDocuments = false;
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));

        Path binary = installer().build().install();

        assertThat(binary).isEqualTo(cacheDir.resolve(VERSION).resolve("claude"));
        assertThat(registry.requests).containsExactly(
                "GET /@anthropic-ai%2fclaude-code-linux-x64/" + VERSION,
                "GET /@anthropic-ai%2fclaude-code-linux-x64",
                "GET /tarballs/claude-code-linux-x64-" + VERSION + ".tgz");
    }

    @Test
    void anUnpublishedVersionIsAnInstallError() {
        registry.serveVersionDocuments = false;
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));

        assertThatThrownBy(() -> installer().version("2.1.198").build().install())
                .isExactlyInstanceOf(CliInstallException.class)
                .hasMessageContaining("has no version 2.1.198 of " + PACKAGE);
    }

    @Test
    void aTarballWithoutTheBinaryIsAnInstallErrorAndLeavesNothing() throws IOException {
        registry.publish(PACKAGE, VERSION, TestTarball.create().file("package/README.md", new byte[10]).gzip());

        assertThatThrownBy(() -> installer().build().install())
                .isExactlyInstanceOf(CliInstallException.class)
                .hasMessageContaining("no file package/claude");
        assertOnlyLockFileLeft();
    }

    @Test
    void leftoversOfAnInstallerThatDiedAreRemoved() throws IOException {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
        Files.createDirectories(cacheDir);
        Files.write(cacheDir.resolve(".partial-" + VERSION + "~dead.tgz"), new byte[100]);
        Files.write(cacheDir.resolve(".partial-" + VERSION + "~dead-claude"), new byte[100]);
        Files.write(cacheDir.resolve(".partial-" + VERSION + "-beta~alive.tgz"), new byte[100]);

        installer().build().install();

        assertThat(listing(cacheDir)).containsExactlyInAnyOrder(VERSION, LOCK_FILE, ".partial-" + VERSION + "-beta~alive.tgz");
    }

    @Test
    void theRegistryAndItsTokenComeFromTheUserNpmrc() throws IOException {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve(".npmrc"), "registry=" + registry.uri() + "\n"
                + "//" + registry.uri().getAuthority() + "/:_authToken=${REGISTRY_TOKEN}\n");

        fromNpmrc(new LocalEnvironment(Map.of("REGISTRY_TOKEN", "s3cret"), home, temp)).build().install();

        assertThat(registry.authorizations).hasSize(2).containsOnly("Bearer s3cret");
    }

    @Test
    void aTrustedProjectNpmrcChoosesTheRegistryAndItsToken() throws IOException {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
        Path project = Files.createDirectories(temp.resolve("project"));
        Files.writeString(project.resolve(".npmrc"), "registry=" + registry.uri() + "\n"
                + "//" + registry.uri().getAuthority() + "/:_authToken=${REGISTRY_TOKEN}\n");

        fromNpmrc(new LocalEnvironment(Map.of("REGISTRY_TOKEN", "s3cret"), temp.resolve("home"), project))
                .projectNpmrc(true)
                .build()
                .install();

        assertThat(registry.authorizations).hasSize(2).containsOnly("Bearer s3cret");
    }

    @Test
    void aHostileProjectNpmrcIsIgnoredByDefault() throws IOException {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve(".npmrc"), "registry=" + registry.uri() + "\n");
        Path project = Files.createDirectories(temp.resolve("project"));
        try (FakeNpmRegistry hostile = FakeNpmRegistry.start()) {
            hostile.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
            // what the reproduction used: its own registry, and the model API key as its token
            Files.writeString(project.resolve(".npmrc"), "registry=" + hostile.uri() + "\n"
                    + "@anthropic-ai:registry=" + hostile.uri() + "\n"
                    + "//" + hostile.uri().getAuthority() + "/:_authToken=${ANTHROPIC_API_KEY}\n"
                    + "//" + registry.uri().getAuthority() + "/:_authToken=${NPM_TOKEN}\n");

            fromNpmrc(new LocalEnvironment(Map.of("ANTHROPIC_API_KEY", "sk-ant-secret", "NPM_TOKEN", "npm-secret"), home, project))
                    .build()
                    .install();

            assertThat(hostile.requests).isEmpty();
        }
        assertThat(registry.requests).hasSize(2);
        assertThat(registry.authorizations).containsOnly("");
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() throws IOException {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));

        assertThatThrownBy(() -> installer().allowHttpRegistry(false).build().install())
                .isExactlyInstanceOf(CliInstallException.class)
                .hasMessageContaining("Refusing to download the CLI over plain http from 127.0.0.1:" + registry.uri().getPort())
                .hasMessageContaining("allowHttpRegistry(true)");
        LocalEnvironment fromEnvironment = new LocalEnvironment(Map.of("npm_config_registry", registry.uri().toString()),
                temp.resolve("home"), temp);
        assertThatThrownBy(() -> fromNpmrc(fromEnvironment).allowHttpRegistry(false).build().install())
                .isExactlyInstanceOf(CliInstallException.class)
                .hasMessageContaining("plain http");
        assertThat(registry.requests).isEmpty();
        assertOnlyLockFileLeft();
    }

    @Test
    void aSwappedTarballOfThePinnedVersionIsRefusedByTheBuiltInDigestBeforeTheDownload() throws IOException {
        byte[] swapped = TestTarball.cliPackage(TestTarball.versionScript(PINNED));
        // the registry publishes the swapped tarball's own, true digest
        registry.publish(PACKAGE, PINNED, swapped);
        String builtIn = PinnedDigests.of(PACKAGE, PINNED).orElseThrow().toString();

        assertThatThrownBy(() -> installer().version(PINNED).build().install())
                .isInstanceOfSatisfying(CliIntegrityException.class, e -> {
                    assertThat(e.expected()).isEqualTo(builtIn);
                    assertThat(e.actual()).isEqualTo(FakeNpmRegistry.sha512(swapped));
                    assertThat(e).hasMessageContaining("the digest the registry " + registry.uri() + " publishes");
                });
        assertThat(registry.tarballDownloads).hasValue(0);
        assertThat(listing(cacheDir)).containsExactly("." + PINNED + ".lock");
    }

    @Test
    void aSwappedTarballUnderTheGenuineDigestIsRefusedAndNeverRun() throws IOException {
        Path ran = temp.resolve("the-swapped-binary-ran");
        byte[] swapped = TestTarball.cliPackage(("#!/bin/sh\ntouch '" + ran + "'\necho '" + PINNED + " (Claude Code)'\n")
                .getBytes(StandardCharsets.UTF_8));
        String builtIn = PinnedDigests.of(PACKAGE, PINNED).orElseThrow().toString();
        // the registry claims the released digest but serves other bytes
        registry.publish(PACKAGE, PINNED, swapped, builtIn);

        assertThatThrownBy(() -> installer().version(PINNED).build().install())
                .isInstanceOfSatisfying(CliIntegrityException.class, e -> {
                    assertThat(e.expected()).isEqualTo(builtIn);
                    assertThat(e.actual()).isEqualTo(FakeNpmRegistry.sha512(swapped));
                });
        assertThat(registry.tarballDownloads).hasValue(1);
        assertThat(ran).doesNotExist();
        assertThat(listing(cacheDir)).containsExactly("." + PINNED + ".lock");
    }

    @Test
    void aTokenIsNotSentToTheHostOfATarballElsewhere() throws IOException {
        try (FakeNpmRegistry elsewhere = FakeNpmRegistry.start()) {
            byte[] tarball = TestTarball.cliPackage(TestTarball.versionScript(VERSION));
            registry.publish(PACKAGE, VERSION, tarball);
            elsewhere.publish(PACKAGE, VERSION, tarball);
            registry.tarballBase = elsewhere.uri();

            fromNpmrc(withUserToken(registry, "s3cret")).build().install();

            assertThat(registry.requests).containsExactly("GET /@anthropic-ai%2fclaude-code-linux-x64/" + VERSION);
            assertThat(registry.authorizations).containsExactly("Bearer s3cret");
            assertThat(elsewhere.requests).containsExactly("GET " + registry.tarballPath(PACKAGE, VERSION));
            assertThat(elsewhere.authorizations).containsExactly("");
        }
    }

    @Test
    void aRedirectToAnotherHostDoesNotCarryTheToken() throws IOException {
        try (FakeNpmRegistry elsewhere = FakeNpmRegistry.start()) {
            byte[] tarball = TestTarball.cliPackage(TestTarball.versionScript(VERSION));
            registry.publish(PACKAGE, VERSION, tarball);
            elsewhere.publish(PACKAGE, VERSION, tarball);
            registry.redirect("/tarballs/", elsewhere.uri().resolve("/tarballs/"));

            Path binary = fromNpmrc(withUserToken(registry, "s3cret")).build().install();

            assertThat(binary).isEqualTo(cacheDir.resolve(VERSION).resolve("claude"));
            assertThat(registry.authorizations).hasSize(2).containsOnly("Bearer s3cret");
            assertThat(elsewhere.requests).containsExactly("GET " + registry.tarballPath(PACKAGE, VERSION));
            assertThat(elsewhere.authorizations).containsExactly("");
        }
    }

    @Test
    void aClientThatFollowsRedirectsItselfIsNotGivenAToken() throws IOException {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            assertThatThrownBy(() -> fromNpmrc(withUserToken(registry, "s3cret")).httpClient(following).build().install())
                    .isExactlyInstanceOf(CliInstallException.class)
                    .hasMessageContaining("Redirect.NEVER");
        } finally {
            following.shutdownNow();
        }
        assertThat(registry.requests).isEmpty();
    }

    @Test
    void theModelApiKeyNeverBecomesARegistryToken() throws IOException {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve(".npmrc"), "registry=" + registry.uri() + "\n"
                + "//" + registry.uri().getAuthority() + "/:_authToken=${ANTHROPIC_API_KEY}\n");

        fromNpmrc(new LocalEnvironment(Map.of("ANTHROPIC_API_KEY", "sk-ant-secret"), home, temp)).build().install();

        assertThat(registry.authorizations).hasSize(2).containsOnly("");
    }

    /** An installer that takes its registry from the .npmrc files of the environment. */
    private CliInstaller.Builder fromNpmrc(LocalEnvironment local) {
        return CliInstaller.builder()
                .version(VERSION)
                .allowHttpRegistry(true)
                .cacheDir(cacheDir)
                .platform(CliPlatform.LINUX_X64)
                .localEnvironment(local);
    }

    /** An environment whose user .npmrc names the registry and a token for it. */
    private LocalEnvironment withUserToken(FakeNpmRegistry target, String token) throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve(".npmrc"), "registry=" + target.uri() + "\n"
                + "//" + target.uri().getAuthority() + "/:_authToken=" + token + "\n");
        return new LocalEnvironment(Map.of(), home, temp);
    }

    @Test
    void concurrentInstallsInOneJvmEndWithOneDownloadAndOneGoodBinary() throws Exception {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
        registry.tarballPause = Duration.ofMillis(300);
        int installers = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Path>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(installers)) {
            for (int i = 0; i < installers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return installer().build().install();
                }));
            }
            start.countDown();
            for (Future<Path> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(cacheDir.resolve(VERSION).resolve("claude"));
            }
        }

        assertThat(registry.tarballDownloads).hasValue(1);
        assertThat(run(cacheDir.resolve(VERSION).resolve("claude"), "--version")).isEqualTo(VERSION + " (Claude Code)");
        assertThat(listing(cacheDir)).containsExactlyInAnyOrder(VERSION, LOCK_FILE);
    }

    @Test
    void concurrentInstallsInThreeJvmsEndWithOneDownloadAndOneGoodBinary() throws Exception {
        registry.publish(PACKAGE, VERSION, TestTarball.cliPackage(TestTarball.versionScript(VERSION)));
        registry.tarballPause = Duration.ofMillis(500);
        List<Process> children = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                children.add(startInstallerProcess(i));
            }
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process child : children) {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("READY");
                outputs.add(out);
            }
            for (Process child : children) {
                OutputStream in = child.getOutputStream();
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            Path here = installer().build().install();

            for (int i = 0; i < children.size(); i++) {
                assertThat(children.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(outputs.get(i).readLine())
                        .as("child %d, stderr: %s", i, Files.readString(temp.resolve("child-" + i + ".err")))
                        .isEqualTo("INSTALLED " + here);
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }

        assertThat(registry.tarballDownloads).hasValue(1);
        assertThat(run(cacheDir.resolve(VERSION).resolve("claude"), "--version")).isEqualTo(VERSION + " (Claude Code)");
        assertThat(listing(cacheDir)).containsExactlyInAnyOrder(VERSION, LOCK_FILE);
    }

    @Test
    void theBuilderRefusesVersionsThatAreNotVersions() {
        assertThatThrownBy(() -> CliInstaller.builder().version("../2.1.197")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CliInstaller.builder().version("2.1.197~x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CliInstaller.builder().build().version()).isEqualTo(PINNED);
    }

    @Test
    void theDefaultCacheDirIsUnderTheHomeDirectory() {
        CliInstaller installer = CliInstaller.builder().localEnvironment(LocalEnvironment.current().withHomeDir(temp)).platform(CliPlatform.LINUX_X64).build();

        assertThat(installer.cacheDir()).isEqualTo(temp.resolve(".cache/claude-code-java/cli"));
        assertThat(installer.binaryPath()).isEqualTo(temp.resolve(".cache/claude-code-java/cli/" + PINNED + "/claude"));
        assertThat(installer.installed()).isEmpty();
        assertThat(installer.toBuilder().version("2.1.100").build().binaryPath())
                .isEqualTo(temp.resolve(".cache/claude-code-java/cli/2.1.100/claude"));
    }

    private CliInstaller.Builder installer() {
        return CliInstaller.builder()
                .version(VERSION)
                .registry(registry.uri())
                .allowHttpRegistry(true)
                .cacheDir(cacheDir)
                .platform(CliPlatform.LINUX_X64)
                .localEnvironment(new LocalEnvironment(Map.of(), temp.resolve("home"), temp));
    }

    private Process startInstallerProcess(int index) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                InstallInAnotherProcess.class.getName(), registry.uri().toString(), cacheDir.toString(), VERSION)
                .redirectError(temp.resolve("child-" + index + ".err").toFile())
                .start();
    }

    private void assertOnlyLockFileLeft() throws IOException {
        if (Files.exists(cacheDir)) {
            assertThat(listing(cacheDir)).containsExactly(LOCK_FILE);
            assertThat(Files.size(cacheDir.resolve(LOCK_FILE))).isZero();
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static String run(Path binary, String argument) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), argument).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            return output;
        } finally {
            process.destroyForcibly();
        }
    }
}
