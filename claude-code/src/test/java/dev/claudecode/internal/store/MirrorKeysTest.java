package dev.claudecode.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.store.SessionKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorKeysTest {

    private static final String ID = "5e55e55e-0000-4000-8000-000000000001";

    @TempDir
    Path temp;

    @Test
    void mainAndSubagentTranscriptsUnderTheProjectsDirectory() {
        MirrorKeys keys = new MirrorKeys(temp.resolve("config"));
        String projects = temp.resolve("config").resolve("projects") + "/";
        assertThat(keys.keyOf(projects + "-home-app/" + ID + ".jsonl")).contains(SessionKey.of("-home-app", ID));
        assertThat(keys.keyOf(projects + "-home-app/" + ID + "/subagents/agent-a1.jsonl"))
                .contains(SessionKey.of("-home-app", ID, "subagents/agent-a1"));
        assertThat(keys.keyOf(projects + "-home-app/" + ID + "/subagents/workflows/w1/agent-b.jsonl"))
                .contains(SessionKey.of("-home-app", ID, "subagents/workflows/w1/agent-b"));
        assertThat(keys.keyOf(projects + "-home-app/./" + ID + ".jsonl")).contains(SessionKey.of("-home-app", ID));
    }

    @Test
    void otherFilesHaveNoKey() {
        MirrorKeys keys = new MirrorKeys(temp.resolve("config"));
        String projects = temp.resolve("config").resolve("projects") + "/";
        assertThat(keys.keyOf(projects + "-home-app/" + ID + "/x.jsonl")).isEmpty();
        assertThat(keys.keyOf(projects + "-home-app/" + ID + ".json")).isEmpty();
        assertThat(keys.keyOf(projects + ID + ".jsonl")).isEmpty();
        assertThat(keys.keyOf(projects + "../escape/" + ID + ".jsonl")).isEmpty();
        assertThat(keys.keyOf(temp.resolve("elsewhere/projects/p/" + ID + ".jsonl").toString())).isEmpty();
        assertThat(keys.keyOf("relative/p/" + ID + ".jsonl")).isEmpty();
        // a CLI (a remote one, in a pool) that names files whose session id is not one it could have made
        assertThat(keys.keyOf(projects + "p/../../x.jsonl")).isEmpty();
        assertThat(keys.keyOf(projects + "p/evil.jsonl")).isEmpty();
        assertThat(keys.keyOf(projects + "p/evil/subagents/agent-a.jsonl")).isEmpty();
        assertThat(keys.keyOf(projects + "p/" + ID + "/../../../x.jsonl")).isEmpty();
        assertThat(keys.keyOf(projects + "p/..%2f..%2fx.jsonl")).isEmpty();
    }

    @Test
    void aConfigDirectoryReachedThroughALinkIsRecognizedByItsRealPathToo() throws Exception {
        Path real = Files.createDirectories(temp.resolve("real-config"));
        Path link = Files.createSymbolicLink(temp.resolve("link-config"), real);
        MirrorKeys keys = new MirrorKeys(link);
        assertThat(keys.keyOf(real.toRealPath() + "/projects/p/" + ID + ".jsonl")).contains(SessionKey.of("p", ID));
        assertThat(keys.keyOf(link + "/projects/p/" + ID + ".jsonl")).contains(SessionKey.of("p", ID));
    }

    @Test
    void aProjectKeyOfTheOptionsReplacesTheDirectoryName() {
        MirrorKeys keys = new MirrorKeys(temp.resolve("config"), java.util.Optional.of("tenant-7"));
        String projects = temp.resolve("config").resolve("projects") + "/";
        assertThat(keys.keyOf(projects + "-home-app/" + ID + ".jsonl")).contains(SessionKey.of("tenant-7", ID));
        assertThat(keys.keyOf(projects + "-other/" + ID + "/subagents/agent-a.jsonl")).contains(SessionKey.of("tenant-7", ID, "subagents/agent-a"));
    }
}
