package dev.claudecode.internal.ssh;

import dev.claudecode.errors.CliInstallException;
import dev.claudecode.cli.CliInstaller;
import dev.claudecode.cli.CliPlatform;
import dev.claudecode.errors.CliVersionMismatchException;
import dev.claudecode.internal.cli.VersionCheck;
import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.node.Node;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managed install on a remote host: the CLI binary for the host's platform, verified by the
 * local {@link CliInstaller} (downloaded into the local cache when missing), copied to the host
 * at {@code <remote cache>/<version>/claude} when it is not there yet. The host needs no network
 * access and no npm. Like the local install, the binary appears at its final path only complete
 * and verified: it is copied under a temporary name, run there with {@code --version}, then
 * renamed.
 */
public final class RemoteCliInstall {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteCliInstall.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration VERSION_CHECK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    // a lock rather than a monitor: an install holds it while the binary is copied to the host, and a
    // virtual thread waiting for it must not pin its carrier on Java 21
    private final ReentrantLock lock = new ReentrantLock();
    private final Node node;
    private final CliInstaller installer;
    private final String remoteCacheDir;
    private Optional<CliPlatform> platform = Optional.empty();

    /**
     * Creates the install.
     *
     * @param node the remote host
     * @param installer the local installer: its version, cache directory and registry settings
     * @param remoteCacheDir the cache directory on the host; relative to the home directory unless absolute
     */
    public RemoteCliInstall(Node node, CliInstaller installer, String remoteCacheDir) {
        this.node = node;
        this.installer = installer;
        this.remoteCacheDir = remoteCacheDir;
    }

    /**
     * Makes sure the binary is on the host, copying it there when it is missing.
     *
     * @return the binary's path on the host
     * @throws CliInstallException when the platform is not published, the local install fails,
     *     or the copy does not run on the host
     */
    public String ensureInstalled() {
        lock.lock();
        try {
            return ensureInstalledLocked();
        } finally {
            lock.unlock();
        }
    }

    private String ensureInstalledLocked() {
        CliPlatform target = platform();
        CliInstaller local = forPlatform(target);
        Path cache = remoteCacheDir.startsWith("/") ? node.path(remoteCacheDir) : node.home().resolve(remoteCacheDir);
        Path binary = cache.resolve(local.version()).resolve(target.binaryName());
        try {
            if (isExecutableFile(binary)) {
                return binary.toString();
            }
            Path source = local.install();
            copy(source, binary, local.version());
            return binary.toString();
        } catch (IOException e) {
            throw new CliInstallException("cannot copy Claude Code CLI " + local.version() + " to " + binary + " on "
                    + node.name() + ": " + e.getMessage(), e);
        }
    }

    private CliPlatform platform() {
        if (platform.isEmpty()) {
            CommandResult probe = node.run(RemotePlatform.PROBE, CommandOptions.defaults().withTimeout(PROBE_TIMEOUT));
            if (!probe.succeeded()) {
                throw new CliInstallException("cannot tell the platform of " + node.name() + ": " + probe.stderr().strip());
            }
            platform = Optional.of(RemotePlatform.parse(probe.stdout()));
        }
        return platform.get();
    }

    // The local cache holds this machine's binary at <cache>/<version>; another platform's goes
    // beside it, so that the local install never finds a binary it cannot run.
    private CliInstaller forPlatform(CliPlatform target) {
        CliInstaller.Builder builder = installer.toBuilder().platform(target);
        if (!target.isCurrent()) {
            builder.cacheDir(installer.cacheDir().resolve(target.id()));
        }
        return builder.build();
    }

    private static boolean isExecutableFile(Path binary) throws IOException {
        if (!Files.exists(binary, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        PosixFileAttributes attributes = Files.readAttributes(binary, PosixFileAttributes.class);
        return attributes.isRegularFile() && attributes.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }

    private void copy(Path source, Path binary, String version) throws IOException {
        Files.createDirectories(binary.getParent());
        Path partial = binary.resolveSibling(".partial-" + Long.toUnsignedString(RANDOM.nextLong(), 36));
        LOG.info("Copying Claude Code CLI {} to {} on {}", version, binary, node.name());
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                Files.copy(source, out);
            }
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            checkVersion(partial, version);
            try {
                Files.move(partial, binary);
            } catch (IOException e) {
                if (!isExecutableFile(binary)) {
                    throw e;
                }
                // another installer finished first; its copy is as good as this one
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void checkVersion(Path binary, String version) {
        CommandResult result = node.run(List.of(binary.toString(), "--version"),
                CommandOptions.defaults().withTimeout(VERSION_CHECK_TIMEOUT));
        String firstLine = result.stdout().strip().lines().findFirst().orElse("").strip();
        if (!result.succeeded()) {
            throw new CliInstallException("the copied Claude Code CLI " + binary + " does not run on " + node.name()
                    + " (exit status " + result.exitStatus() + "): " + result.stderr().strip());
        }
        if (!VersionCheck.reports(firstLine, version)) {
            throw new CliVersionMismatchException(binary.toString(), version, firstLine);
        }
    }
}
