/**
 * Finding and installing the Claude Code CLI binary that sessions run.
 *
 * <h2>Resolution order</h2>
 * {@link dev.claudecode.cli.CliResolver} returns the first executable file found by these rules,
 * and tells which one found it ({@link dev.claudecode.cli.CliLocation.Source}):
 * <ol>
 *   <li><b>EXPLICIT</b>: the path given to {@code CliResolver.builder().cliPath(...)};</li>
 *   <li><b>ENVIRONMENT</b>: the environment variable {@code CLAUDE_CODE_CLI_PATH};</li>
 *   <li><b>MANAGED</b>: the managed install of the pinned CLI version (see below), if it was installed before;</li>
 *   <li><b>PATH</b>: {@code claude} in a directory of the {@code PATH} ({@code claude.exe} or
 *       {@code claude.cmd} on Windows);</li>
 *   <li><b>COMMON_LOCATION</b>: the usual install locations, in this order: {@code ~/.claude/local/claude},
 *       {@code ~/.local/bin/claude}, {@code ~/.npm-global/bin/claude}, {@code ~/node_modules/.bin/claude},
 *       {@code ~/.yarn/bin/claude}, {@code ~/.bun/bin/claude}, {@code <working dir>/node_modules/.bin/claude},
 *       {@code /opt/homebrew/bin/claude}, {@code /usr/local/bin/claude};</li>
 *   <li><b>INSTALLED</b>: only with {@code autoInstall(true)}: the managed install, run now.</li>
 * </ol>
 * An explicit path or a {@code CLAUDE_CODE_CLI_PATH} that names no executable file fails at once
 * instead of falling through to the next rule. When nothing is found,
 * {@link dev.claudecode.errors.CliNotFoundException} lists every file it looked at and how to install.
 *
 * <h2>Managed install</h2>
 * {@link dev.claudecode.cli.CliInstaller} installs one CLI version (by default the pinned one, the
 * newest of the supported range {@link dev.claudecode.cli.CliVersionRange}; any other with
 * {@code version(...)}) into {@code ~/.cache/claude-code-java/cli/<version>/claude}:
 * <ol>
 *   <li>it picks the platform package, {@code @anthropic-ai/claude-code-<platform>} with platform
 *       {@code linux-x64}, {@code linux-arm64}, {@code linux-x64-musl}, {@code linux-arm64-musl},
 *       {@code darwin-x64}, {@code darwin-arm64}, {@code win32-x64} or {@code win32-arm64}
 *       ({@link dev.claudecode.cli.CliPlatform#detect()});</li>
 *   <li>it reads the version's {@code dist.tarball} and {@code dist.integrity} from the npm registry:
 *       the {@code registry(...)} option, then {@code npm_config_registry} in the environment, then a
 *       {@code registry=} line in the project's {@code .npmrc} (only with {@code projectNpmrc(true)}),
 *       then in {@code ~/.npmrc}, then {@code npm config get registry}, then
 *       {@code https://registry.npmjs.org/}; a {@code //host/:_authToken=} line in an {@code .npmrc}
 *       is sent as a bearer token to that host only;</li>
 *   <li>it downloads the tarball into the cache directory, checks its SHA-512 digest, extracts only
 *       {@code package/claude}, runs {@code claude --version} to check that it starts and is the
 *       expected version, and moves it into place with one atomic rename.</li>
 * </ol>
 *
 * <h2>Whom the install trusts</h2>
 * <ul>
 *   <li><b>The digest.</b> The SHA-512 digests of every platform package of the pinned version and
 *       of the oldest supported one are built into the library. For those versions the registry's
 *       published digest must be the same (else nothing is downloaded) and the download is checked
 *       against the built-in one, so no registry, mirror or proxy can swap the binary. Other
 *       versions are checked against the registry's digest only.</li>
 *   <li><b>The registry.</b> It comes from the options, the environment or the user's own
 *       {@code ~/.npmrc}. A project's {@code .npmrc} (in the working directory) is ignored unless
 *       {@code projectNpmrc(true)}: a checked-out repository does not get to choose where an
 *       executable comes from, or where tokens go. Plain {@code http} (for the registry, a tarball
 *       URL or a redirect) is refused unless {@code allowHttpRegistry(true)}.</li>
 *   <li><b>Tokens.</b> A token is sent only to URLs under the {@code //host[:port]/path/} it is
 *       configured for. Redirects are followed by the installer, which decides again at each hop,
 *       so a redirect never carries a token to another host. {@code ${VAR}} is expanded only in
 *       credential values ({@code _authToken}, {@code _auth}, {@code _password}, {@code username}),
 *       never in a registry URL or a key, and never from {@code ANTHROPIC_API_KEY},
 *       {@code ANTHROPIC_AUTH_TOKEN} or {@code CLAUDE_CODE_OAUTH_TOKEN}.</li>
 * </ul>
 * Installing is idempotent (an installed version is returned without any download) and safe when
 * several threads or processes install the same version at once: they take turns through a lock
 * file in the cache directory, and the later ones find the finished binary. A failed install
 * (network, integrity mismatch, wrong version) leaves no temporary file, partial binary or version
 * folder behind, only the empty lock file.
 *
 * <h2>What they read of the machine</h2>
 * Both read the environment variables, the user's home directory and the project directory from one
 * {@link dev.claudecode.cli.LocalEnvironment}, by default {@link dev.claudecode.cli.LocalEnvironment#current()};
 * a resolver hands its own to the installer it falls back on.
 *
 * <pre>{@code
 * Path claude = CliInstaller.builder().build().install();          // install the pinned version
 * CliLocation cli = CliResolver.defaults().resolve();             // find a CLI, or fail with advice
 * CliLocation any = CliResolver.builder().autoInstall(true).build().resolve();
 * }</pre>
 */
package dev.claudecode.cli;
