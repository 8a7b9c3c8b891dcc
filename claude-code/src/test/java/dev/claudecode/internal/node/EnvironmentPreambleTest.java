package dev.claudecode.internal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launch script reads the variables off stdin and hands the rest of stdin to the command. */
class EnvironmentPreambleTest {

    @Test
    void variablesArriveIntactAndTheRestOfTheInputReachesTheCommand() throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PLAIN", "value");
        environment.put("TRICKY", "a\\nb \\\\ c\nsecond line $HOME `x` 'q' \"d\" %s %b \\c");
        environment.put("EMPTY", "");
        environment.put("TRAILING", "ends with newlines\n\n");
        List<String> command = EnvironmentPreamble.command(List.of("/bin/sh", "-c",
                "printf '%s|' \"$PLAIN\" \"$TRICKY\" \"$EMPTY\" \"$TRAILING\"; printf 'stdin:'; cat"));
        assertThat(command).startsWith("/bin/sh", "-c", EnvironmentPreamble.SCRIPT, "launch");

        Process process = new ProcessBuilder(command).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(EnvironmentPreamble.encode(environment));
            stdin.write("{\"type\":\"user\"}\nsecond line\n".getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(output).isEqualTo("value|" + environment.get("TRICKY") + "||ends with newlines\n\n|stdin:{\"type\":\"user\"}\nsecond line\n");
    }

    @Test
    void filesAreWrittenOwnerOnlyWithTheirExactContentBeforeTheCommandStarts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        String directory = temp.resolve("claude-launch-x").toString();
        String content = "{\"env\":{\"TOKEN\":\"a\\\\b\"}}\nline two %s \\c $HOME\n\n";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(directory + "/mcp.json", content);
        files.put(directory + "/empty.json", "");
        List<String> command = EnvironmentPreamble.command(List.of("/bin/sh", "-c",
                "stat -c '%a' \"$0\" \"$0/mcp.json\" \"$0/empty.json\"; umask; printf '%s|' \"$PLAIN\"", directory));

        Process process = new ProcessBuilder(command).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(EnvironmentPreamble.encode(Map.of("PLAIN", "value"), files));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        String umask = new String(new ProcessBuilder("/bin/sh", "-c", "umask").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        // the command runs with the umask it would have had, not the files' own
        assertThat(output).isEqualTo("700\n600\n600\n" + umask + "value|");
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of(directory, "mcp.json"))).isEqualTo(content);
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of(directory, "empty.json"))).isEmpty();
        assertThatThrownBy(() -> EnvironmentPreamble.encode(Map.of(), Map.of("relative/x", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesThatAreNoVariablesAndNulCharactersAreRefused() {
        assertThatThrownBy(() -> EnvironmentPreamble.encode(Map.of("NOT-A-NAME", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvironmentPreamble.encode(Map.of("A", "x\0y"))).hasMessageContaining("NUL");
        assertThat(new String(EnvironmentPreamble.encode(Map.of()), StandardCharsets.UTF_8)).isEqualTo("\n");
    }
}
