package dev.claudecode.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * What finding and installing the CLI read of this machine: the environment variables, the user's
 * home directory and the project directory. {@link CliResolver} and {@link CliInstaller} both take
 * one (a resolver hands its own to the installer it falls back on); {@link #current()} is the JVM's.
 *
 * <pre>{@code
 * CliResolver resolver = CliResolver.builder()
 *         .localEnvironment(LocalEnvironment.current().withWorkingDir(project))
 *         .build();
 * }</pre>
 *
 * @param variables the environment variables: {@code CLAUDE_CODE_CLI_PATH}, {@code PATH} and
 *     {@code APPDATA} for the lookup, {@code npm_config_registry} and the variables an {@code .npmrc}
 *     names for the install
 * @param homeDir the user's home directory: the usual install locations, {@code ~/.npmrc} and the
 *     default cache directory
 * @param workingDir the project directory: relative CLI paths, {@code node_modules/.bin/claude} and
 *     the project's {@code .npmrc} (read only when {@link CliInstaller.Builder#projectNpmrc(boolean)}
 *     trusts it)
 */
public record LocalEnvironment(Map<String, String> variables, Path homeDir, Path workingDir) {

    /**
     * Copies the variables and makes both directories absolute.
     *
     * @throws NullPointerException when a component, variable name or value is null
     */
    public LocalEnvironment {
        variables = Map.copyOf(variables);
        homeDir = homeDir.toAbsolutePath();
        workingDir = workingDir.toAbsolutePath();
    }

    /**
     * The JVM's own: {@link System#getenv()}, the {@code user.home} system property and the current
     * directory.
     *
     * @return the environment
     */
    public static LocalEnvironment current() {
        return new LocalEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), Path.of(""));
    }

    /**
     * This environment with other variables.
     *
     * @param variables the environment variables, in place of these
     * @return a copy with the variables
     */
    public LocalEnvironment withVariables(Map<String, String> variables) {
        return new LocalEnvironment(variables, homeDir, workingDir);
    }

    /**
     * This environment with another home directory.
     *
     * @param homeDir the user's home directory (made absolute)
     * @return a copy with the home directory
     */
    public LocalEnvironment withHomeDir(Path homeDir) {
        return new LocalEnvironment(variables, homeDir, workingDir);
    }

    /**
     * This environment with another project directory.
     *
     * @param workingDir the project directory (made absolute)
     * @return a copy with the project directory
     */
    public LocalEnvironment withWorkingDir(Path workingDir) {
        return new LocalEnvironment(variables, homeDir, workingDir);
    }

    /**
     * Names the variables without their values, which may be secrets (tokens, keys).
     *
     * @return the directories and the variables' names
     */
    @Override
    public String toString() {
        return "LocalEnvironment[variables=" + new TreeSet<>(variables.keySet()) + ", homeDir=" + homeDir
                + ", workingDir=" + workingDir + "]";
    }
}
