package dev.claudecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.GoldenTranscripts;
import dev.claudecode.internal.protocol.GoldenTranscripts.Entry;
import dev.claudecode.internal.protocol.ProtocolRecordings;
import dev.claudecode.internal.session.UnsupportedVersionWarning;
import dev.claudecode.options.ClaudeCodeOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CLI outside the supported range runs with a warning, once per version; nothing is refused. */
class UnsupportedCliVersionTest {

    @Test
    void aSessionOnAnUnsupportedCliRunsAndWarnsOnce() throws Exception {
        String unsupported = "2.1.101";
        List<Entry> recorded = GoldenTranscripts.entries(ProtocolRecordings.V2_1_332, "10_plain_turn.jsonl").stream()
                .map(entry -> entry.msg() == null ? entry : new Entry(entry.version(), entry.file(), entry.seq(), entry.dir(),
                        Json.parse(entry.msg().toString().replace("\"claude_code_version\":\"2.1.332\"",
                                "\"claude_code_version\":\"" + unsupported + "\"")), entry.raw()))
                .toList();
        assertThat(recorded).anySatisfy(entry -> assertThat(String.valueOf(entry.msg())).contains(unsupported));
        ReplayTransport replay = new ReplayTransport(recorded);
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().controlTimeout(Duration.ofSeconds(10)).build();

        try (Session session = ClaudeCode.start(options, replay)) {
            assertThat(session.query("hello").result()).contains("Hello! How can I help?");
        }
        replay.assertFullyReplayed();
        // the session has warned about this version already: a second sighting is quiet
        assertThat(UnsupportedVersionWarning.check(unsupported)).isEmpty();
    }

    @Test
    void warnsOnceForEachUnsupportedVersionAndNeverForASupportedOne() {
        assertThat(UnsupportedVersionWarning.check("9.9.901")).hasValueSatisfying(warning -> assertThat(warning)
                .contains("9.9.901", "2.1.197", "2.1.332"));
        assertThat(UnsupportedVersionWarning.check("9.9.901")).isEmpty();
        assertThat(UnsupportedVersionWarning.check("9.9.902")).isPresent();
        assertThat(UnsupportedVersionWarning.check("2.1.197")).isEmpty();
        assertThat(UnsupportedVersionWarning.check("2.1.332")).isEmpty();
        assertThat(UnsupportedVersionWarning.check("")).isEmpty();
        assertThat(UnsupportedVersionWarning.check(null)).isEmpty();
    }
}
