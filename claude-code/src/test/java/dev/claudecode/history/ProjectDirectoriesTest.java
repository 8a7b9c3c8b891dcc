package dev.claudecode.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ProjectDirectoriesTest {

    /**
     * The cwd behind {@code <CWD>} in the path-encoding recording. {@code cwd_len} of the recording
     * says it has 30 characters, and the recorded hash suffix {@code 77i3vg} matches only this path.
     */
    private static final String RECORDED_CWD = "/tmp/probe/ws/90_path_encoding";

    @TempDir
    Path temp;

    @Test
    void encodesTheReadmeExamples() {
        assertThat(ProjectDirectories.encode("/a/b/my.proj_x")).isEqualTo("-a-b-my-proj-x");
        assertThat(ProjectDirectories.encode("/w/ünïcödé-日本")).isEqualTo("-w--n-c-d----");
        assertThat(ProjectDirectories.encode("/w/with space.dots_under-score")).isEqualTo("-w-with-space-dots-under-score");
    }

    @Test
    void encodesEveryUtf16CodeUnitSeparately() {
        // U+1F600 is two UTF-16 code units, so it becomes two dashes
        assertThat(ProjectDirectories.encode("/x/\uD83D\uDE00")).isEqualTo("-x---");
    }

    @Test
    void matchesTheRecordedMapping() throws Exception {
        JsonNode mapping = Json.parse(Files.readString(
                Fixtures.protocolDir().resolve("results/90_path_encoding.mapping.json")));
        String encodedRecordedCwd = ProjectDirectories.encode(RECORDED_CWD);
        assertThat(mapping.size()).isEqualTo(4);
        for (JsonNode entry : mapping) {
            String cwd = entry.get("cwd").stringValue().replace("<CWD>", RECORDED_CWD);
            String expected = entry.get("project_dir").stringValue().replace("<ENCODED_CWD>", encodedRecordedCwd);
            assertThat(cwd).hasSize(entry.get("cwd_len").intValue());
            assertThat(ProjectDirectories.encode(cwd)).as(cwd)
                    .isEqualTo(expected)
                    .hasSize(entry.get("project_dir_len").intValue());
        }
    }

    @Test
    void cutsLongPathsAt200AndAppendsTheBase36Hash() {
        StringBuilder cwd = new StringBuilder(RECORDED_CWD);
        for (int i = 0; i < 7; i++) {
            cwd.append(String.format("/long-segment-%02d-xxxxxxxxxxxxxxxxxxxx", i));
        }
        assertThat(cwd).hasSize(289);
        String encoded = ProjectDirectories.encode(cwd.toString());
        assertThat(encoded).hasSize(207).endsWith("-77i3vg");
        assertThat(encoded.substring(0, 200)).isEqualTo(ProjectDirectories.sanitize(cwd.toString()).substring(0, 200));
    }

    @Test
    void keepsNamesOfExactly200Characters() {
        String cwd = "/" + "a".repeat(199);
        assertThat(ProjectDirectories.encode(cwd)).isEqualTo("-" + "a".repeat(199));
        assertThat(ProjectDirectories.encode(cwd + "b")).hasSize(200 + 1 + Long.toString(
                Math.abs((long) (cwd + "b").hashCode()), 36).length());
    }

    @Test
    void usesTheMagnitudeOfANegativeHash() {
        String cwd = "/" + "z".repeat(250);
        int hash = cwd.hashCode();
        assertThat(hash).isNegative();
        String expectedSuffix = Long.toString(Math.abs((long) hash), 36);
        assertThat(ProjectDirectories.encode(cwd)).endsWith("-" + expectedSuffix).doesNotContain("--" + expectedSuffix);
    }

    @Test
    void resolvesSymlinksLikeTheCli() throws Exception {
        Path real = Files.createDirectories(temp.resolve("real.project"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        assertThat(ProjectDirectories.encode(link)).isEqualTo(ProjectDirectories.encode(real.toRealPath().toString()));
        assertThat(ProjectDirectories.directoryFor(temp, link))
                .isEqualTo(temp.resolve("projects").resolve(ProjectDirectories.encode(real.toRealPath().toString())));
    }

    @Test
    void encodesPathsThatDoNotExistAsGiven() {
        Path missing = temp.resolve("not-there");
        assertThat(ProjectDirectories.encode(missing)).isEqualTo(ProjectDirectories.encode(missing.toString()));
    }

    @Test
    void findsCurrentAndOlderDirectoryNames() throws Exception {
        Path project = Files.createDirectories(temp.resolve("work").resolve("my_app.v2"));
        String cwd = project.toRealPath().toString();
        Path config = temp.resolve("config");
        Path current = Files.createDirectories(ProjectDirectories.directoryFor(config, project));
        Path slashOnly = ProjectDirectories.projectsDirectory(config).resolve(cwd.replace('/', '-'));
        transcriptWithCwd(slashOnly, cwd);
        Path slashAndDot = ProjectDirectories.projectsDirectory(config).resolve(cwd.replaceAll("[/.]", "-"));
        transcriptWithCwd(slashAndDot, "/some/other/project");

        assertThat(ProjectDirectories.find(config, project)).containsExactly(current, slashOnly);
    }

    @Test
    void findsLongPathDirectoriesByPrefixOnlyWhenATranscriptRecordsTheCwd() throws Exception {
        // long enough to be cut, short enough for the uncut name to fit a 255-byte file name
        Path project = temp.resolve("p".repeat(95)).resolve("q".repeat(95));
        Files.createDirectories(project);
        String cwd = project.toRealPath().toString();
        assertThat(cwd.length()).isBetween(201, 255);
        Path config = temp.resolve("config");
        Path projects = ProjectDirectories.projectsDirectory(config);
        String prefix = ProjectDirectories.sanitize(cwd).substring(0, 200);
        Path uncut = projects.resolve(ProjectDirectories.sanitize(cwd));
        Files.createDirectories(uncut);
        Path otherHash = projects.resolve(prefix + "-otherhash");
        transcriptWithCwd(otherHash, cwd);
        Path otherProject = projects.resolve(prefix + "-collision");
        transcriptWithCwd(otherProject, cwd + "-but-longer");

        assertThat(ProjectDirectories.find(config, project)).containsExactly(uncut, otherHash);
    }

    @Test
    void findsNothingWhenNoDirectoryExists() {
        assertThat(ProjectDirectories.find(temp.resolve("config"), temp.resolve("nowhere"))).isEmpty();
    }

    private static void transcriptWithCwd(Path dir, String cwd) {
        Fixtures.writeRecords(dir.resolve(Fixtures.sessionId(1) + ".jsonl"), List.of(
                Map.of("type", "queue-operation", "operation", "enqueue"),
                Map.of("type", "user", "uuid", Fixtures.id(1), "cwd", cwd,
                        "message", Map.of("role", "user", "content", "hi"))));
    }
}
