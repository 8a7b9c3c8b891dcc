package dev.claudecode.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the launch script with this machine's /bin/sh, as sshd would on the host. */
class LaunchScriptTest {

    @TempDir
    Path temp;

    @Test
    void startsTheCommandInItsOwnGroupAndReportsItsPidFirst() throws Exception {
        LaunchScript script = new LaunchScript(List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 5"), Map.of(),
                Optional.empty(), false, Optional.empty());

        Ran ran = run(script, "", Map.of());

        assertThat(ran.status).isEqualTo(5);
        assertThat(ran.stdout).isEqualTo("out\n");
        PidHeader header = PidHeader.read(new java.io.ByteArrayInputStream(ran.stderr.getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(1));
        assertThat(header.pid()).isPresent();
        assertThat(header.before()).isEmpty();
        assertThat(ran.stderr).endsWith("\nerr\n");
    }

    @Test
    void theCommandLeadsANewProcessGroupAndSession() throws Exception {
        Path stat = temp.resolve("stat");
        LaunchScript script = new LaunchScript(List.of("/bin/sh", "-c", "cat /proc/$$/stat > '" + stat + "'"), Map.of(),
                Optional.empty(), false, Optional.empty());

        Ran ran = run(script, "", Map.of());

        long pid = PidHeader.read(new java.io.ByteArrayInputStream(ran.stderr.getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(1))
                .pid().orElseThrow();
        String[] fields = Files.readString(stat).substring(Files.readString(stat).lastIndexOf(')') + 2).split(" ");
        assertThat(Long.parseLong(fields[2])).as("process group").isEqualTo(pid);
        assertThat(Long.parseLong(fields[3])).as("session").isEqualTo(pid);
    }

    @Test
    void exportsTheEnvironmentEntersTheDirectoryAndPassesStdin() throws Exception {
        Path cwd = temp.resolve("new dir").resolve("deeper");
        LaunchScript script = new LaunchScript(List.of("/bin/sh", "-c", "pwd; printf '%s|' \"$A\" \"$B\"; cat"),
                Map.of("A", "it's $HOME", "B", ""), Optional.of(cwd.toString()), true, Optional.empty());

        Ran ran = run(script, "from stdin", Map.of());

        assertThat(ran.status).isZero();
        assertThat(ran.stdout).isEqualTo(cwd + "\nit's $HOME||from stdin");
    }

    @Test
    void privateFilesAreCreatedOwnerOnlyBeforeTheCommandStarts() throws Exception {
        String directory = temp.resolve("claude-launch-y").toString();
        String content = "{\"headers\":{\"Authorization\":\"Bearer x\"}}\n'quoted' $HOME `x` \\n";
        LaunchScript script = new LaunchScript(List.of("/bin/sh", "-c", "stat -c '%a' \"$0\" \"$0/mcp.json\"; cat \"$0/mcp.json\"", directory),
                Map.of(), Optional.empty(), false, Optional.empty(), Map.of(directory + "/mcp.json", content));

        Ran ran = run(script, "", Map.of());

        assertThat(ran.status).as(ran.stderr).isZero();
        // a here-document ends its text with a newline
        assertThat(ran.stdout).isEqualTo("700\n600\n" + content + "\n");
        assertThat(script.text()).doesNotContain("printf '%s' '" + content);
        assertThat(Path.of(directory)).as("removed once the command has exited").doesNotExist();
    }

    @Test
    void aLaunchDirectoryThatExistsStopsTheLaunch() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("claude-launch-z"));
        Path ran = temp.resolve("ran");
        LaunchScript script = new LaunchScript(List.of("/bin/sh", "-c", "touch '" + ran + "'"), Map.of(), Optional.empty(), false,
                Optional.empty(), Map.of(directory + "/settings.json", "{}"));

        Ran result = run(script, "", Map.of());

        assertThat(result.status).isEqualTo(LaunchScript.CANNOT_ENTER_DIRECTORY);
        assertThat(result.stderr).contains("cannot create the private launch directory");
        assertThat(ran).doesNotExist();
    }

    @Test
    void aTildeDirectoryIsUnderHome() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        LaunchScript script = new LaunchScript(List.of("/bin/pwd"), Map.of(), Optional.of("~/projects/x"), true, Optional.empty());

        Ran ran = run(script, "", Map.of("HOME", home.toString()));

        assertThat(ran.stdout.strip()).isEqualTo(home.resolve("projects/x").toString());
    }

    @Test
    void removesItsOwnDirectoryBeforeTheCommandStarts() throws Exception {
        Path self = Files.createDirectories(temp.resolve("self"));
        Files.writeString(self.resolve("launch.sh"), "secret");
        LaunchScript script = new LaunchScript(List.of("/bin/sh", "-c", "test -e '" + self + "' && echo present || echo gone"),
                Map.of("KEY", "secret"), Optional.empty(), false, Optional.of(self.toString()));

        Ran ran = run(script, "", Map.of());

        assertThat(ran.stdout).isEqualTo("gone\n");
        assertThat(script.text().lines().skip(1).findFirst()).hasValue("rm -rf -- " + self);
    }

    @Test
    void withoutTheGoAheadTheCommandNeverStarts() throws Exception {
        Path ran = temp.resolve("ran");
        LaunchScript script = new LaunchScript(List.of("/bin/sh", "-c", "touch '" + ran + "'"), Map.of(), Optional.empty(), false, Optional.empty());
        Process process = new ProcessBuilder("/bin/sh", "-c", script.text()).start();
        process.getOutputStream().close();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(LaunchScript.NOT_STARTED);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith(LaunchScript.PID_MARKER);
        assertThat(ran).doesNotExist();
    }

    @Test
    void aMissingCommandExits127WithAMessageAndNoPid() throws Exception {
        LaunchScript script = new LaunchScript(List.of("/no/such/cli", "--version"), Map.of(), Optional.empty(), false, Optional.empty());

        Ran ran = run(script, "", Map.of());

        assertThat(ran.status).isEqualTo(127);
        assertThat(ran.stderr).isEqualTo("claude-code-java: cannot run: /no/such/cli is not found or not executable\n");
    }

    @Test
    void anUnusableDirectoryExits126() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "");
        LaunchScript script = new LaunchScript(List.of("/bin/true"), Map.of(), Optional.of(file.resolve("sub").toString()), true, Optional.empty());

        Ran ran = run(script, "", Map.of());

        assertThat(ran.status).isEqualTo(126);
        assertThat(ran.stderr).contains("cannot create the working directory");
    }

    @Test
    void withoutSetsidPerlMakesTheGroup() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        for (String tool : List.of("perl", "cat")) {
            Path wrapper = Files.writeString(bin.resolve(tool), "#!/bin/sh\nexec /usr/bin/" + tool + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path stat = temp.resolve("stat");
        LaunchScript script = new LaunchScript(List.of("/bin/sh", "-c", "cat /proc/$$/stat > '" + stat + "'; echo via perl"),
                Map.of(), Optional.empty(), false, Optional.empty());

        Ran ran = run(script, "", Map.of("PATH", bin.toString()));

        assertThat(ran.stdout).isEqualTo("via perl\n");
        long pid = PidHeader.read(new java.io.ByteArrayInputStream(ran.stderr.getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(1))
                .pid().orElseThrow();
        String text = Files.readString(stat);
        assertThat(Long.parseLong(text.substring(text.lastIndexOf(')') + 2).split(" ")[2])).isEqualTo(pid);
    }

    @Test
    void withNeitherSetsidNorPerlTheLaunchFails() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("empty-bin"));
        LaunchScript script = new LaunchScript(List.of("/bin/true"), Map.of(), Optional.empty(), false, Optional.empty());

        Ran ran = run(script, "", Map.of("PATH", bin.toString()));

        assertThat(ran.status).isEqualTo(127);
        assertThat(ran.stderr).contains("neither setsid nor perl");
    }

    @Test
    void refusesNamesNoShellCanExport() {
        assertThatThrownBy(() -> new LaunchScript(List.of("x"), Map.of("A-B", "1"), Optional.empty(), false, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A-B");
        assertThatThrownBy(() -> new LaunchScript(List.of("x"), Map.of("A=1; rm", "1"), Optional.empty(), false, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LaunchScript(List.of(), Map.of(), Optional.empty(), false, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSecretIsInTheScriptTextNeverInTheCommand() {
        LaunchScript script = new LaunchScript(List.of("claude"), Map.of("ANTHROPIC_API_KEY", "sk-secret"), Optional.empty(), false,
                Optional.of("/tmp/claude-code-java-0123"));

        assertThat(script.text()).contains("export ANTHROPIC_API_KEY='sk-secret'");
    }

    private record Ran(int status, String stdout, String stderr) {
    }

    private Ran run(LaunchScript script, String stdin, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script.text());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write((LaunchScript.GO_AHEAD + stdin).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the script failed before reading its input
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), stdout, stderr);
    }
}
