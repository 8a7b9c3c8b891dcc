package dev.claudecode.internal.protocol;

import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Reads the recorded CLI transcripts under {@code protocol/transcripts}. */
final class GoldenTranscripts {

    /** One line the CLI wrote on stdout, with where it was recorded. */
    record Line(String file, int seq, JsonNode msg) {

        String type() {
            return Json.text(msg, "type", "");
        }

        boolean isControl() {
            return type().startsWith("control_");
        }

        @Override
        public String toString() {
            return file + "#" + seq;
        }
    }

    private GoldenTranscripts() {
    }

    static Path directory() {
        String configured = System.getProperty("claudecode.protocol.dir");
        Path base = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "protocol");
        return base.resolve("transcripts");
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every stdout line of every transcript that is JSON (lines kept as {@code raw} are not). */
    static List<Line> stdout() {
        List<Line> lines = new ArrayList<>();
        for (Path file : files()) {
            lines.addAll(stdout(file.getFileName().toString()));
        }
        return lines;
    }

    /** The stdout JSON lines of one transcript, such as {@code "12_partial_messages_tool_use.jsonl"}. */
    static List<Line> stdout(String fileName) {
        List<Line> lines = new ArrayList<>();
        try (Stream<String> text = Files.lines(directory().resolve(fileName))) {
            text.forEach(record -> {
                JsonNode entry = Json.parse(record);
                if ("out".equals(Json.text(entry, "dir", "")) && entry.has("msg")) {
                    lines.add(new Line(fileName, Json.longValue(entry, "seq").orElse(-1L).intValue(), entry.get("msg")));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
