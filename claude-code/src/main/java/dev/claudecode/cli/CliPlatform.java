package dev.claudecode.cli;

import dev.claudecode.errors.CliInstallException;
import dev.claudecode.internal.cli.PlatformDetector;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A platform for which npm publishes a native Claude Code CLI package, named
 * {@code @anthropic-ai/claude-code-<id>}.
 */
public enum CliPlatform {
    /** Linux on x86-64 with glibc. */
    LINUX_X64("linux-x64"),
    /** Linux on ARM64 with glibc. */
    LINUX_ARM64("linux-arm64"),
    /** Linux on x86-64 with musl libc (e.g. Alpine). */
    LINUX_X64_MUSL("linux-x64-musl"),
    /** Linux on ARM64 with musl libc (e.g. Alpine). */
    LINUX_ARM64_MUSL("linux-arm64-musl"),
    /** macOS on Intel. */
    DARWIN_X64("darwin-x64"),
    /** macOS on Apple silicon. */
    DARWIN_ARM64("darwin-arm64"),
    /** Windows on x86-64. */
    WIN32_X64("win32-x64"),
    /** Windows on ARM64. */
    WIN32_ARM64("win32-arm64");

    private static final String PACKAGE_PREFIX = "@anthropic-ai/claude-code-";

    private final String id;

    CliPlatform(String id) {
        this.id = id;
    }

    /** {@return the npm platform id, e.g. {@code linux-x64-musl}} */
    public String id() {
        return id;
    }

    /**
     * {@return the npm package holding this platform's binary, e.g.
     * {@code @anthropic-ai/claude-code-linux-x64}}
     */
    public String packageName() {
        return PACKAGE_PREFIX + id;
    }

    /**
     * {@return the file name of the binary: {@code claude.exe} on Windows, {@code claude}
     * elsewhere}
     */
    public String binaryName() {
        return isWindows() ? "claude.exe" : "claude";
    }

    /** {@return whether this is a Windows platform} */
    public boolean isWindows() {
        return id.startsWith("win32-");
    }

    /**
     * Whether this is the platform this JVM runs on, so that its binary can be started here.
     *
     * @return whether {@link #detect()} finds this platform; false when it finds none
     */
    public boolean isCurrent() {
        try {
            return this == detect();
        } catch (CliInstallException e) {
            return false;
        }
    }

    /**
     * Finds the platform with a given npm id.
     *
     * @param id e.g. {@code darwin-arm64}
     * @return the platform, or empty when npm publishes no Claude Code package for that id
     */
    public static Optional<CliPlatform> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /**
     * Detects the platform this JVM runs on, including musl on Linux and an Intel JVM running
     * under Rosetta on Apple silicon (which gets the native ARM64 binary).
     *
     * @return the platform
     * @throws CliInstallException when npm publishes no Claude Code package for this platform
     */
    public static CliPlatform detect() {
        String id = PlatformDetector.npmId();
        return fromId(id).orElseThrow(() -> new CliInstallException(
                "No Claude Code CLI package exists for this platform (" + System.getProperty("os.name") + ", "
                        + System.getProperty("os.arch") + " -> " + id + "); supported: "
                        + Arrays.stream(values()).map(CliPlatform::id).collect(Collectors.joining(", "))));
    }
}
