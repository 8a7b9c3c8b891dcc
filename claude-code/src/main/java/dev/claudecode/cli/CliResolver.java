package dev.claudecode.cli;

import dev.claudecode.errors.CliNotFoundException;
import dev.claudecode.internal.BuildInfo;
import dev.claudecode.internal.cli.PlatformDetector;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the Claude Code CLI binary to run. The first rule that gives an executable file wins:
 * <ol>
 *   <li>{@link CliLocation.Source#EXPLICIT}: the path given to {@link Builder#cliPath(Path)};</li>
 *   <li>{@link CliLocation.Source#ENVIRONMENT}: the environment variable {@value #ENV_CLI_PATH};</li>
 *   <li>{@link CliLocation.Source#MANAGED}: the managed install of the pinned version, when
 *       {@link CliInstaller} has installed it already;</li>
 *   <li>{@link CliLocation.Source#PATH}: {@code claude} on the {@code PATH};</li>
 *   <li>{@link CliLocation.Source#COMMON_LOCATION}: the usual install locations
 *       ({@link #defaultCommonLocations(LocalEnvironment)});</li>
 *   <li>{@link CliLocation.Source#INSTALLED}: with {@link Builder#autoInstall(boolean)}, the managed
 *       install, done now.</li>
 * </ol>
 * A path given explicitly or through {@value #ENV_CLI_PATH} that is not an executable file is an
 * error rather than a reason to look elsewhere: silently running another CLI would hide the mistake.
 *
 * <pre>{@code
 * Path claude = CliResolver.defaults().resolve().path();
 * }</pre>
 */
public final class CliResolver {

    /** The environment variable that names the CLI binary to use. */
    public static final String ENV_CLI_PATH = "CLAUDE_CODE_CLI_PATH";

    /** How to get a CLI, appended to every {@link dev.claudecode.errors.CliNotFoundException} message. */
    static final String HOW_TO_INSTALL = "ClaudeCode.start installs the pinned version unless the options say"
            + " autoInstallCli(false); otherwise install it with `claude-code install-cli` or"
            + " CliInstaller.builder().build().install(), or point " + ENV_CLI_PATH + " at an existing binary.";

    private final Optional<Path> cliPath;
    private final LocalEnvironment local;
    private final Optional<List<Path>> searchPath;
    private final Optional<List<Path>> commonLocations;
    private final Optional<CliInstaller> installer;
    private final boolean autoInstall;

    private CliResolver(Builder builder) {
        this.cliPath = builder.cliPath;
        this.local = builder.local;
        this.searchPath = builder.searchPath;
        this.commonLocations = builder.commonLocations;
        this.installer = builder.installer;
        this.autoInstall = builder.autoInstall;
    }

    /**
     * {@return a resolver with every default: the process environment, no explicit path, no
     * auto-install}
     */
    public static CliResolver defaults() {
        return builder().build();
    }

    /**
     * A resolver for exactly the CLI version this library is built against: {@code
     * CLAUDE_CODE_CLI_PATH} when set, else the managed install, which it installs when missing. It
     * never picks up another {@code claude} from the PATH or the usual install locations, so tests
     * and tools that need the pinned behaviour get it on any machine.
     *
     * @return the resolver
     */
    public static CliResolver pinnedVersion() {
        return forVersion(BuildInfo.cliVersion());
    }

    /**
     * A resolver for exactly one CLI version, like {@link #pinnedVersion()}: {@code
     * CLAUDE_CODE_CLI_PATH} when set, else the managed install of that version, installed when missing.
     *
     * @param version e.g. {@code 2.1.197}; see {@link CliVersionRange} for the supported ones
     * @return the resolver
     * @throws IllegalArgumentException when {@code version} is not a version
     */
    public static CliResolver forVersion(String version) {
        return builder().searchPath(List.of()).commonLocations(List.of()).autoInstall(true)
                .installer(CliInstaller.builder().version(version).build()).build();
    }

    /** {@return a builder with the defaults of {@link #defaults()}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this resolver's settings} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.cliPath = cliPath;
        builder.local = local;
        builder.searchPath = searchPath;
        builder.commonLocations = commonLocations;
        builder.installer = installer;
        builder.autoInstall = autoInstall;
        return builder;
    }

    /**
     * Finds the CLI, installing it when auto-install is on and nothing else is found.
     *
     * @return where it is and which rule found it
     * @throws CliNotFoundException when nothing is found (the message lists every place looked at),
     *     or when the explicit path or {@value #ENV_CLI_PATH} names no executable file
     * @throws dev.claudecode.errors.CliInstallException when auto-install is on and the install fails
     */
    public CliLocation resolve() {
        List<Candidate> searched = new ArrayList<>();
        Optional<CliLocation> found = search(searched);
        if (found.isPresent()) {
            return found.get();
        }
        if (autoInstall) {
            return new CliLocation(installer().install(), CliLocation.Source.INSTALLED);
        }
        StringBuilder message = new StringBuilder("Claude Code CLI not found. No cliPath option was given, ")
                .append(ENV_CLI_PATH).append(" is not set, and none of these is an executable file:");
        // a file that two rules look at is listed once, with the first rule's name
        Map<Path, String> looked = new LinkedHashMap<>();
        searched.forEach(candidate -> looked.putIfAbsent(candidate.path(), candidate.rule()));
        looked.forEach((path, rule) -> message.append("\n  ").append(path).append("  (").append(rule).append(")"));
        throw new CliNotFoundException(message + "\n" + HOW_TO_INSTALL, List.copyOf(looked.keySet()));
    }

    /**
     * Finds the CLI without installing anything.
     *
     * @return where it is and which rule found it, or empty when no rule finds it
     * @throws CliNotFoundException when the explicit path or {@value #ENV_CLI_PATH} names no executable file
     */
    public Optional<CliLocation> find() {
        return search(new ArrayList<>());
    }

    /** A file looked at, and the rule that looked there. */
    private record Candidate(Path path, String rule) {
    }

    /**
     * The usual install locations, in the order they are tried: the native installer's
     * {@code ~/.claude/local} and {@code ~/.local/bin}, npm, yarn and bun global folders, the
     * project's {@code node_modules/.bin}, then Homebrew and {@code /usr/local/bin}.
     *
     * @param local the user's home, the project directory, and the environment variables (for
     *     {@code APPDATA} on Windows)
     * @return the candidate files
     */
    public static List<Path> defaultCommonLocations(LocalEnvironment local) {
        Path homeDir = local.homeDir();
        Path workingDir = local.workingDir();
        List<Path> locations = new ArrayList<>();
        if (PlatformDetector.isWindows()) {
            locations.add(homeDir.resolve(".claude/local/claude.exe"));
            locations.add(homeDir.resolve(".local/bin/claude.exe"));
            Optional.ofNullable(local.variables().get("APPDATA")).ifPresent(appData -> locations.add(Path.of(appData, "npm", "claude.cmd")));
            locations.add(workingDir.resolve("node_modules/.bin/claude.cmd"));
            return List.copyOf(locations);
        }
        locations.add(homeDir.resolve(".claude/local/claude"));
        locations.add(homeDir.resolve(".local/bin/claude"));
        locations.add(homeDir.resolve(".npm-global/bin/claude"));
        locations.add(homeDir.resolve("node_modules/.bin/claude"));
        locations.add(homeDir.resolve(".yarn/bin/claude"));
        locations.add(homeDir.resolve(".bun/bin/claude"));
        locations.add(workingDir.resolve("node_modules/.bin/claude"));
        locations.add(Path.of("/opt/homebrew/bin/claude"));
        locations.add(Path.of("/usr/local/bin/claude"));
        return List.copyOf(locations);
    }

    private Optional<CliLocation> search(List<Candidate> searched) {
        if (cliPath.isPresent()) {
            Path path = local.workingDir().resolve(cliPath.get());
            requireExecutable(path, "The CLI path given to CliResolver");
            return Optional.of(new CliLocation(path.toAbsolutePath().normalize(), CliLocation.Source.EXPLICIT));
        }
        Optional<String> fromEnv = Optional.ofNullable(local.variables().get(ENV_CLI_PATH)).filter(value -> !value.isBlank());
        if (fromEnv.isPresent()) {
            Path path = toPath(fromEnv.get().strip(), ENV_CLI_PATH);
            requireExecutable(path, ENV_CLI_PATH);
            return Optional.of(new CliLocation(path.toAbsolutePath().normalize(), CliLocation.Source.ENVIRONMENT));
        }
        CliInstaller managedInstaller = installer();
        Path managed = managedInstaller.binaryPath();
        searched.add(new Candidate(managed, "managed install of " + managedInstaller.version()));
        if (PlatformDetector.isExecutableFile(managed)) {
            return Optional.of(new CliLocation(managed, CliLocation.Source.MANAGED));
        }
        for (Path dir : searchPath.orElseGet(this::pathFromEnvironment)) {
            for (String name : executableNames()) {
                Path candidate = dir.resolve(name);
                searched.add(new Candidate(candidate, "PATH"));
                if (PlatformDetector.isExecutableFile(candidate)) {
                    return Optional.of(new CliLocation(candidate.toAbsolutePath().normalize(), CliLocation.Source.PATH));
                }
            }
        }
        for (Path candidate : commonLocations.orElseGet(() -> defaultCommonLocations(local))) {
            searched.add(new Candidate(candidate, "common location"));
            if (PlatformDetector.isExecutableFile(candidate)) {
                return Optional.of(new CliLocation(candidate.toAbsolutePath().normalize(), CliLocation.Source.COMMON_LOCATION));
            }
        }
        return Optional.empty();
    }

    private CliInstaller installer() {
        return installer.orElseGet(() -> CliInstaller.builder().localEnvironment(local).build());
    }

    private List<Path> pathFromEnvironment() {
        // Windows spells it "Path"; the lookup must not depend on the case
        String value = local.variables().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase("PATH"))
                .map(Map.Entry::getValue)
                .findFirst().orElse("");
        List<Path> dirs = new ArrayList<>();
        for (String entry : value.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    dirs.add(Path.of(entry.strip()));
                } catch (InvalidPathException e) {
                    // a malformed PATH entry cannot hold the CLI
                }
            }
        }
        return dirs;
    }

    private static List<String> executableNames() {
        return PlatformDetector.isWindows() ? List.of("claude.exe", "claude.cmd") : List.of("claude");
    }

    private Path toPath(String text, String what) {
        try {
            return local.workingDir().resolve(text);
        } catch (InvalidPathException e) {
            throw new CliNotFoundException(what + " is not a valid path: '" + text + "'\n" + HOW_TO_INSTALL, List.of());
        }
    }

    private static void requireExecutable(Path path, String what) {
        if (!PlatformDetector.isExecutableFile(path)) {
            String problem = Files.exists(path) ? "is not an executable file" : "does not exist";
            throw new CliNotFoundException(what + " (" + path + ") " + problem + ".\n" + HOW_TO_INSTALL, List.of(path));
        }
    }

    /** Settings for a {@link CliResolver}; every one has a default. */
    public static final class Builder {

        private Optional<Path> cliPath = Optional.empty();
        private LocalEnvironment local = LocalEnvironment.current();
        private Optional<List<Path>> searchPath = Optional.empty();
        private Optional<List<Path>> commonLocations = Optional.empty();
        private Optional<CliInstaller> installer = Optional.empty();
        private boolean autoInstall;

        private Builder() {
        }

        /**
         * The CLI binary to use; when set, no other rule is tried.
         *
         * @param cliPath the executable (relative paths are resolved against the working directory)
         * @return this builder
         */
        public Builder cliPath(Path cliPath) {
            this.cliPath = Optional.of(cliPath);
            return this;
        }

        /**
         * The environment variables ({@value CliResolver#ENV_CLI_PATH}, {@code PATH}), home directory (the
         * common locations) and project directory (relative paths, {@code node_modules/.bin/claude}) to
         * search with. The default installer gets the same.
         *
         * @param local default {@link LocalEnvironment#current()}
         * @return this builder
         */
        public Builder localEnvironment(LocalEnvironment local) {
            this.local = Objects.requireNonNull(local, "local");
            return this;
        }

        /**
         * The directories searched instead of the environment's {@code PATH}.
         *
         * @param searchPath the directories, in order
         * @return this builder
         */
        public Builder searchPath(List<Path> searchPath) {
            this.searchPath = Optional.of(List.copyOf(searchPath));
            return this;
        }

        /**
         * The files tried after the {@code PATH}, instead of {@link #defaultCommonLocations(LocalEnvironment)}.
         *
         * @param commonLocations the candidate files, in order
         * @return this builder
         */
        public Builder commonLocations(List<Path> commonLocations) {
            this.commonLocations = Optional.of(List.copyOf(commonLocations));
            return this;
        }

        /**
         * The installer that defines the managed install (its version and cache directory).
         *
         * @param installer default {@code CliInstaller.builder()} with this builder's {@link #localEnvironment(LocalEnvironment)}
         * @return this builder
         */
        public Builder installer(CliInstaller installer) {
            this.installer = Optional.of(installer);
            return this;
        }

        /**
         * Whether {@link CliResolver#resolve()} runs the managed install when no rule finds a CLI.
         *
         * @param autoInstall default false
         * @return this builder
         */
        public Builder autoInstall(boolean autoInstall) {
            this.autoInstall = autoInstall;
            return this;
        }

        /** {@return the resolver} */
        public CliResolver build() {
            return new CliResolver(this);
        }
    }
}
