package dev.claudecode.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {

    private static final List<String> WORDS = List.of("plain", "/usr/bin/claude", "two words", "it's", "'", "''", "\"", "\\",
            "$HOME", "${x:-y}", "`id`", "$(id)", "a;b", "a|b", "a&b", "<in", ">out", "*", "?", "[a]", "~", "~root", "#c",
            "new\nline", "tab\t", "", " ", "-n", "--", "ünïcödé ✓", "!x", "{a,b}");

    @Test
    void plainWordsStayUnquoted() {
        assertThat(ShellQuote.quote("--output-format")).isEqualTo("--output-format");
        assertThat(ShellQuote.quote("/usr/bin/claude")).isEqualTo("/usr/bin/claude");
        assertThat(ShellQuote.quote("a=b,c:d@e%f+g")).isEqualTo("a=b,c:d@e%f+g");
    }

    @Test
    void otherWordsAreSingleQuotedWithoutBackslashes() {
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\"'\"'s'");
        assertThat(ShellQuote.quote("")).isEqualTo("''");
        assertThat(ShellQuote.quote("back\\slash")).isEqualTo("'back\\slash'");
    }

    @Test
    void aShellReadsEveryWordBackUnchanged() throws Exception {
        String script = "for a in " + ShellQuote.join(WORDS) + "; do printf '%s\\0' \"$a\"; done";
        Process shell = new ProcessBuilder("/bin/sh", "-c", script).start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(shell.waitFor()).isZero();
        List<String> words = new ArrayList<>(Arrays.asList(output.split("\0", -1)));
        words.remove(words.size() - 1);
        assertThat(words).containsExactlyElementsOf(WORDS);
    }

    @Test
    void nulCannotBeQuoted() {
        assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
