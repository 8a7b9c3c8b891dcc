package dev.claudecode.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.store.SessionKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorKeysTest {

    @TempDir
    Path temp;

    @Test
    void mainAndSubagentTranscriptsUnderTheProjectsDirectory() {
        MirrorKeys keys = new MirrorKeys(temp.resolve("config"));
        String projects = temp.resolve("config").resolve("projects") + "/";
        assertThat(keys.keyOf(projects + "-home-app/5e55.jsonl")).contains(SessionKey.of("-home-app", "5e55"));
        assertThat(keys.keyOf(projects + "-home-app/5e55/subagents/agent-a1.jsonl"))
                .contains(SessionKey.of("-home-app", "5e55", "subagents/agent-a1"));
        assertThat(keys.keyOf(projects + "-home-app/5e55/subagents/workflows/w1/agent-b.jsonl"))
                .contains(SessionKey.of("-home-app", "5e55", "subagents/workflows/w1/agent-b"));
        assertThat(keys.keyOf(projects + "-home-app/./5e55.jsonl")).contains(SessionKey.of("-home-app", "5e55"));
    }

    @Test
    void otherFilesHaveNoKey() {
        MirrorKeys keys = new MirrorKeys(temp.resolve("config"));
        String projects = temp.resolve("config").resolve("projects") + "/";
        assertThat(keys.keyOf(projects + "-home-app/5e55/x.jsonl")).isEmpty();
        assertThat(keys.keyOf(projects + "-home-app/5e55.json")).isEmpty();
        assertThat(keys.keyOf(projects + "5e55.jsonl")).isEmpty();
        assertThat(keys.keyOf(projects + "../escape/5e55.jsonl")).isEmpty();
        assertThat(keys.keyOf(temp.resolve("elsewhere/projects/p/s.jsonl").toString())).isEmpty();
        assertThat(keys.keyOf("relative/p/s.jsonl")).isEmpty();
    }

    @Test
    void aConfigDirectoryReachedThroughALinkIsRecognizedByItsRealPathToo() throws Exception {
        Path real = Files.createDirectories(temp.resolve("real-config"));
        Path link = Files.createSymbolicLink(temp.resolve("link-config"), real);
        MirrorKeys keys = new MirrorKeys(link);
        assertThat(keys.keyOf(real.toRealPath() + "/projects/p/s.jsonl")).contains(SessionKey.of("p", "s"));
        assertThat(keys.keyOf(link + "/projects/p/s.jsonl")).contains(SessionKey.of("p", "s"));
    }

    @Test
    void aProjectKeyOfTheOptionsReplacesTheDirectoryName() {
        MirrorKeys keys = new MirrorKeys(temp.resolve("config"), java.util.Optional.of("tenant-7"));
        String projects = temp.resolve("config").resolve("projects") + "/";
        assertThat(keys.keyOf(projects + "-home-app/5e55.jsonl")).contains(SessionKey.of("tenant-7", "5e55"));
        assertThat(keys.keyOf(projects + "-other/5e55/subagents/agent-a.jsonl")).contains(SessionKey.of("tenant-7", "5e55", "subagents/agent-a"));
    }
}
