package dev.claudecode.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A separate JVM for {@link CliInstallerTest}: builds an installer, prints {@code READY}, waits
 * for a line on stdin, installs, and prints {@code INSTALLED <path>} or {@code FAILED <error>}.
 */
public final class InstallInAnotherProcess {

    private InstallInAnotherProcess() {
    }

    /**
     * Runs one install.
     *
     * @param args the registry URI, the cache directory and the version
     * @throws Exception when stdin cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path cacheDir = Path.of(args[1]);
        CliInstaller installer = CliInstaller.builder()
                .registry(URI.create(args[0]))
                .allowHttpRegistry(true)
                .version(args[2])
                .cacheDir(cacheDir)
                .platform(CliPlatform.LINUX_X64)
                .localEnvironment(new LocalEnvironment(Map.of(), cacheDir, cacheDir))
                .build();
        System.out.println("READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        try {
            System.out.println("INSTALLED " + installer.install());
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e);
        }
        System.out.flush();
    }
}
