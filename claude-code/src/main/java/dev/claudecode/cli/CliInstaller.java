package dev.claudecode.cli;

import dev.claudecode.errors.CliInstallException;
import dev.claudecode.errors.CliIntegrityException;
import dev.claudecode.internal.BuildInfo;
import dev.claudecode.internal.cli.InstallLock;
import dev.claudecode.internal.cli.Integrity;
import dev.claudecode.internal.cli.NpmRegistryClient;
import dev.claudecode.internal.cli.NpmRegistryConfig;
import dev.claudecode.internal.cli.PinnedDigests;
import dev.claudecode.internal.cli.PlatformDetector;
import dev.claudecode.internal.cli.TarballExtractor;
import dev.claudecode.internal.cli.VersionCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a Claude Code CLI binary from the npm registry into a cache directory (the "managed
 * install"), at {@code <cacheDir>/<version>/claude} ({@code claude.exe} on Windows).
 *
 * <p>It downloads the platform package {@code @anthropic-ai/claude-code-<platform>}, checks the
 * tarball against its digest (built into this library for the pinned and the oldest supported
 * version, which the registry's published digest must then match; the registry's for any other
 * version), extracts only the binary, runs it with
 * {@code --version} to check it starts and is the right version (when it is built for this
 * machine; a binary for another platform, such as one for a remote host, is checked by the digest
 * alone), and only then moves it into place with one atomic rename. {@link #install()} is idempotent and safe to run from several threads or
 * processes at once; when it fails it leaves nothing behind but the (empty) lock file.
 *
 * <p>Trust: the registry comes from {@link Builder#registry(URI)}, the environment or the user's
 * own {@code ~/.npmrc}; the project's {@code .npmrc} is read only with {@link
 * Builder#projectNpmrc(boolean)}. Plain {@code http} is refused unless {@link
 * Builder#allowHttpRegistry(boolean)}. A token from an {@code .npmrc} goes only to the host (and
 * path) it is configured for, never along a redirect to another; an {@code .npmrc} can never make a
 * token of the model API's key ({@code ANTHROPIC_API_KEY}, {@code ANTHROPIC_AUTH_TOKEN},
 * {@code CLAUDE_CODE_OAUTH_TOKEN}).
 *
 * <pre>{@code
 * Path claude = CliInstaller.builder().build().install();
 * }</pre>
 */
public final class CliInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(CliInstaller.class);
    /** Semver characters only: the version becomes a directory name and part of a URL. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]*");
    /** Temporary files start with this; '~' cannot occur in a version, so one version's never matches another's. */
    private static final String TEMP_PREFIX = ".partial-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String version;
    private final Path cacheDir;
    private final Optional<URI> registry;
    private final Optional<HttpClient> httpClient;
    private final Optional<CliPlatform> platform;
    private final Duration connectTimeout;
    private final Duration downloadTimeout;
    private final Duration versionCheckTimeout;
    private final Duration lockTimeout;
    private final LocalEnvironment local;
    private final boolean projectNpmrc;
    private final boolean allowHttpRegistry;
    private final Consumer<InstallProgress> progress;

    private CliInstaller(Builder builder) {
        this.version = builder.version;
        this.local = builder.local;
        this.cacheDir = builder.cacheDir.orElseGet(() -> defaultCacheDir(local.homeDir())).toAbsolutePath().normalize();
        this.registry = builder.registry;
        this.httpClient = builder.httpClient;
        this.platform = builder.platform;
        this.connectTimeout = builder.connectTimeout;
        this.downloadTimeout = builder.downloadTimeout;
        this.versionCheckTimeout = builder.versionCheckTimeout;
        this.lockTimeout = builder.lockTimeout;
        this.projectNpmrc = builder.projectNpmrc;
        this.allowHttpRegistry = builder.allowHttpRegistry;
        this.progress = builder.progress;
    }

    /**
     * {@return a builder with the defaults: the pinned version,
     * {@code ~/.cache/claude-code-java/cli}, the configured npm registry}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this installer's settings} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.version = version;
        builder.cacheDir = Optional.of(cacheDir);
        builder.registry = registry;
        builder.httpClient = httpClient;
        builder.platform = platform;
        builder.connectTimeout = connectTimeout;
        builder.downloadTimeout = downloadTimeout;
        builder.versionCheckTimeout = versionCheckTimeout;
        builder.lockTimeout = lockTimeout;
        builder.progress = progress;
        builder.local = local;
        builder.projectNpmrc = projectNpmrc;
        builder.allowHttpRegistry = allowHttpRegistry;
        return builder;
    }

    /**
     * The default cache directory for a home directory.
     *
     * @param homeDir the user's home
     * @return {@code <homeDir>/.cache/claude-code-java/cli}
     */
    public static Path defaultCacheDir(Path homeDir) {
        return homeDir.resolve(".cache").resolve("claude-code-java").resolve("cli");
    }

    /** {@return the CLI version this installer installs} */
    public String version() {
        return version;
    }

    /** {@return the cache directory, absolute} */
    public Path cacheDir() {
        return cacheDir;
    }

    /**
     * {@return where the binary of this version lives once installed:
     * {@code <cacheDir>/<version>/claude}}
     */
    public Path binaryPath() {
        return cacheDir.resolve(version).resolve(binaryName());
    }

    /**
     * The installed binary, without installing anything. Only a verified binary is ever moved to
     * {@link #binaryPath()}, so an executable file there is a finished install.
     *
     * @return the binary, when this version is installed
     */
    public Optional<Path> installed() {
        Path binary = binaryPath();
        return PlatformDetector.isExecutableFile(binary) ? Optional.of(binary) : Optional.empty();
    }

    /**
     * Installs this version unless it is installed already, waiting for any other installer of the
     * same version (thread or process) first.
     *
     * @return the installed binary, {@link #binaryPath()}
     * @throws dev.claudecode.errors.CliIntegrityException when the download, or the registry's published digest,
     *     does not match the digest it must have
     * @throws dev.claudecode.errors.CliVersionMismatchException when the binary reports another version
     * @throws CliInstallException when anything else fails: registry, download, extraction, the binary does not run
     */
    @SuppressWarnings("try") // the lock is held for the block's duration, never referenced
    public Path install() {
        Optional<Path> present = installed();
        if (present.isPresent()) {
            return present.get();
        }
        CliPlatform target = platform.orElseGet(CliPlatform::detect);
        try {
            Files.createDirectories(cacheDir);
            try (InstallLock lock = InstallLock.acquire(cacheDir.resolve("." + version + ".lock"), lockTimeout)) {
                present = installed();
                if (present.isPresent()) {
                    return present.get();
                }
                deleteLeftovers();
                return installLocked(target);
            }
        } catch (IOException e) {
            throw new CliInstallException("Installing Claude Code CLI " + version + " into " + cacheDir + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliInstallException("Installing Claude Code CLI " + version + " was interrupted", e);
        }
    }

    private Path installLocked(CliPlatform target) throws IOException, InterruptedException {
        String id = version + "~" + Long.toUnsignedString(RANDOM.nextLong(), 36);
        Path tarball = cacheDir.resolve(TEMP_PREFIX + id + ".tgz");
        Path extracted = cacheDir.resolve(TEMP_PREFIX + id + "-" + target.binaryName());
        Path versionDir = cacheDir.resolve(version);
        boolean createdVersionDir = false;
        boolean done = false;
        HttpClient http = httpClient.orElseGet(this::newHttpClient);
        long started = System.nanoTime();
        try {
            NpmRegistryClient client = new NpmRegistryClient(http, registryConfig(), downloadTimeout, allowHttpRegistry);
            NpmRegistryClient.Dist dist = client.fetchDist(target.packageName(), version);
            Integrity expected = expectedDigest(target, dist, client);
            LOG.info("Downloading Claude Code CLI {} ({}) from {}", version, target.id(), dist.tarball());
            client.download(dist.tarball(), tarball, (bytes, total) -> report(InstallProgress.Stage.DOWNLOADING, bytes, total));
            long size = Files.size(tarball);
            report(InstallProgress.Stage.VERIFYING, size, size);
            expected.verify(tarball, dist.tarball().toString());
            TarballExtractor.extract(tarball, target.binaryName(), extracted);
            Files.delete(tarball);
            makeExecutable(extracted);
            // a binary for another platform (one to copy to a remote host) cannot be started here: the
            // registry's digest vouches for it, and the host that runs it checks its version
            if (target.isCurrent()) {
                VersionCheck.verify(extracted, version, versionCheckTimeout);
            }
            if (!Files.isDirectory(versionDir)) {
                Files.createDirectory(versionDir);
                createdVersionDir = true;
            }
            // the rename is the commit point: the binary appears complete and verified, or not at all
            Files.move(extracted, binaryPath(), StandardCopyOption.ATOMIC_MOVE);
            done = true;
            LOG.info("Installed Claude Code CLI {} at {} in {} s", version, binaryPath(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            report(InstallProgress.Stage.INSTALLED, size, size);
            return binaryPath();
        } finally {
            deleteQuietly(tarball);
            if (!done) {
                deleteQuietly(extracted);
                if (createdVersionDir) {
                    deleteQuietly(versionDir);
                }
            }
            if (httpClient.isEmpty()) {
                close(http);
            }
        }
    }

    /**
     * The digest the tarball must have: the built-in one for the versions this library was released
     * with, which the registry must publish too (so a registry cannot swap the binary, and one that
     * tries is refused before anything is downloaded); the registry's for any other version.
     */
    private Integrity expectedDigest(CliPlatform target, NpmRegistryClient.Dist dist, NpmRegistryClient client) {
        Optional<Integrity> builtIn = PinnedDigests.of(target.packageName(), version);
        if (builtIn.isEmpty()) {
            LOG.info("No digest of {}@{} is built into this library; checking the download against the one {} publishes",
                    target.packageName(), version, client.registry());
            return dist.integrity();
        }
        Integrity published = dist.integrity();
        if (published.algorithm().equals(builtIn.get().algorithm()) && !published.equals(builtIn.get())) {
            throw new CliIntegrityException("the digest the registry " + client.registry() + " publishes for "
                    + target.packageName() + "@" + version + " (the one built into this library differs; the registry"
                    + " serves another binary than the released one)", builtIn.get().toString(), published.toString());
        }
        return builtIn.get();
    }

    // a listener that fails must not fail the install
    private void report(InstallProgress.Stage stage, long bytes, long totalBytes) {
        try {
            progress.accept(new InstallProgress(version, stage, bytes,
                    totalBytes >= 0 ? OptionalLong.of(totalBytes) : OptionalLong.empty()));
        } catch (RuntimeException e) {
            LOG.warn("An install progress listener failed", e);
        }
    }

    // cleanup must not hide the failure that made it necessary
    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", path, e.toString());
        }
    }

    private static void close(HttpClient http) {
        http.shutdownNow();
        try {
            http.awaitTermination(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private NpmRegistryConfig registryConfig() {
        // npm reads the .npmrc of the project it runs in: only a trusted project gets to be that directory
        Path npmDirectory = projectNpmrc ? local.workingDir() : local.homeDir();
        return NpmRegistryConfig.resolve(registry, local.variables(),
                projectNpmrc ? Optional.of(local.workingDir()) : Optional.empty(), local.homeDir(),
                () -> NpmRegistryConfig.npmConfigGetRegistry(npmDirectory));
    }

    // redirects are followed by the registry client, which decides afresh at each hop what may be sent
    private HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    // Temporary files are only written while the lock is held, so any found now belong to an
    // installer that died mid-way.
    private void deleteLeftovers() throws IOException {
        String prefix = TEMP_PREFIX + version + "~";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(cacheDir, entry -> entry.getFileName().toString().startsWith(prefix))) {
            for (Path file : files) {
                LOG.debug("Deleting {} left by an interrupted install", file);
                Files.deleteIfExists(file);
            }
        }
    }

    private String binaryName() {
        return platform.map(CliPlatform::binaryName).orElse(PlatformDetector.isWindows() ? "claude.exe" : "claude");
    }

    private static void makeExecutable(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            permissions.addAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
            view.setPermissions(permissions);
        }
    }

    /** Settings for a {@link CliInstaller}; every one has a default. */
    public static final class Builder {

        private String version = BuildInfo.cliVersion();
        private Optional<Path> cacheDir = Optional.empty();
        private Optional<URI> registry = Optional.empty();
        private Optional<HttpClient> httpClient = Optional.empty();
        private Optional<CliPlatform> platform = Optional.empty();
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration downloadTimeout = Duration.ofMinutes(10);
        private Duration versionCheckTimeout = Duration.ofSeconds(30);
        private Duration lockTimeout = Duration.ofMinutes(15);
        private LocalEnvironment local = LocalEnvironment.current();
        private boolean projectNpmrc;
        private boolean allowHttpRegistry;
        private Consumer<InstallProgress> progress = report -> { };

        private Builder() {
        }

        /**
         * Who hears how far an install has come: the download's bytes, then verification, then
         * the binary in place (see {@link InstallProgress}). The installer also logs the start and
         * the end of an install at INFO.
         *
         * @param progress the listener; default: none
         * @return this builder
         */
        public Builder progress(Consumer<InstallProgress> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * The CLI version to install.
         *
         * @param version e.g. {@code 2.1.197}; default: the pinned version, the newest of {@link CliVersionRange}
         * @return this builder
         */
        public Builder version(String version) {
            if (!VERSION.matcher(Objects.requireNonNull(version, "version")).matches()) {
                throw new IllegalArgumentException("not a version: '" + version + "'");
            }
            this.version = version;
            return this;
        }

        /**
         * The cache directory; the binary goes to {@code <cacheDir>/<version>/claude}.
         *
         * @param cacheDir the directory; default {@code ~/.cache/claude-code-java/cli}
         * @return this builder
         */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = Optional.of(cacheDir);
            return this;
        }

        /**
         * The npm registry to download from. Without it: {@code npm_config_registry} (or its
         * {@code @anthropic-ai:registry} form) from the environment, then {@code registry=} in the
         * project's {@code .npmrc} (only with {@link #projectNpmrc(boolean)}), then in the user's
         * {@code ~/.npmrc}, then {@code npm config get registry} (run in the home directory unless the
         * project's file is trusted), then {@code https://registry.npmjs.org/}. It must be {@code https}
         * unless {@link #allowHttpRegistry(boolean)}.
         *
         * @param registry the registry base URI
         * @return this builder
         */
        public Builder registry(URI registry) {
            this.registry = Optional.of(registry);
            return this;
        }

        /**
         * The HTTP client for the registry (for a proxy or custom TLS). It is not closed by the installer.
         *
         * The installer follows redirects itself (so that a token never travels to another host);
         * a client that follows them on its own is refused when a token would be sent, so build it
         * with {@code followRedirects(HttpClient.Redirect.NEVER)}.
         *
         * @param httpClient the client; default a new one with {@link #connectTimeout(Duration)}
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Optional.of(httpClient);
            return this;
        }

        /**
         * The platform whose binary to install.
         *
         * @param platform the platform; default {@link CliPlatform#detect()}
         * @return this builder
         */
        public Builder platform(CliPlatform platform) {
            this.platform = Optional.of(platform);
            return this;
        }

        /**
         * How long connecting to the registry may take (used by the default HTTP client only).
         *
         * @param timeout default 30 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /**
         * How long the tarball download may take in all.
         *
         * @param timeout default 10 min
         * @return this builder
         */
        public Builder downloadTimeout(Duration timeout) {
            this.downloadTimeout = positive(timeout);
            return this;
        }

        /**
         * How long the new binary may take to answer {@code --version} before it is killed.
         *
         * @param timeout default 30 s
         * @return this builder
         */
        public Builder versionCheckTimeout(Duration timeout) {
            this.versionCheckTimeout = positive(timeout);
            return this;
        }

        /**
         * How long to wait for another installer of the same version to finish.
         *
         * @param timeout default 15 min
         * @return this builder
         */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = positive(timeout);
            return this;
        }

        /**
         * Whether the project's {@code .npmrc} (in the working directory of {@link
         * #localEnvironment(LocalEnvironment)}) may choose the registry and supply tokens, as it
         * would for {@code npm install}. Off by default: a checked-out project is not trusted to say
         * where the executable comes from. Even when on, it cannot switch to plain http unless {@link
         * #allowHttpRegistry(boolean)}, cannot change the digest of the pinned versions, and cannot
         * send the model API's key anywhere.
         *
         * @param trusted default false
         * @return this builder
         */
        public Builder projectNpmrc(boolean trusted) {
            this.projectNpmrc = trusted;
            return this;
        }

        /**
         * Whether the registry (and the tarball URLs and redirects it names) may be plain {@code http}.
         * Off by default: over http anyone on the way could swap the binary of a version whose digest
         * is not built in, or read the token. Turn it on for a trusted local mirror only.
         *
         * @param allowed default false
         * @return this builder
         */
        public Builder allowHttpRegistry(boolean allowed) {
            this.allowHttpRegistry = allowed;
            return this;
        }

        /**
         * The environment variables (npm settings), home directory ({@code ~/.npmrc}, the default cache
         * directory) and project directory (its {@code .npmrc} is read before the user's, when {@link
         * #projectNpmrc(boolean)} trusts it) to install with.
         *
         * @param local default {@link LocalEnvironment#current()}
         * @return this builder
         */
        public Builder localEnvironment(LocalEnvironment local) {
            this.local = Objects.requireNonNull(local, "local");
            return this;
        }

        /** {@return the installer} */
        public CliInstaller build() {
            return new CliInstaller(this);
        }

        private static Duration positive(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            return timeout;
        }
    }
}
