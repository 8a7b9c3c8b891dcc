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
public final class GoldenTranscripts {

    /**
     * One recorded line.
     *
     * @param file the transcript's file name
     * @param seq the line's number in it
     * @param dir {@code in} (SDK to CLI), {@code out} (CLI to SDK), {@code stderr}, {@code meta} or {@code note}
     * @param msg the JSON the line carried, or null for raw lines
     * @param raw the line kept verbatim when it was not JSON, or null
     */
    public record Entry(String file, int seq, String dir, JsonNode msg, String raw) {

        /** @return whether the SDK wrote it */
        public boolean isIn() {
            return dir.equals("in");
        }

        /** @return whether the CLI wrote it on stdout */
        public boolean isOut() {
            return dir.equals("out");
        }

        /** @return the message's {@code type}, or "" */
        public String type() {
            return msg == null ? "" : Json.text(msg, "type", "");
        }

        /** @return the subtype of a control request, or "" */
        public String requestSubtype() {
            return msg == null ? "" : Json.text(msg.path("request"), "subtype", "");
        }

        @Override
        public String toString() {
            return file + "#" + seq;
        }
    }

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

    /** @return the directory holding the transcripts */
    public static Path directory() {
        String configured = System.getProperty("claudecode.protocol.dir");
        Path base = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "protocol");
        return base.resolve("transcripts");
    }

    /** @return every transcript file, sorted by name */
    public static List<Path> files() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every line of one transcript, in order.
     *
     * @param fileName e.g. {@code "53_stop_task.jsonl"}
     * @return the entries
     */
    public static List<Entry> entries(String fileName) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<String> text = Files.lines(directory().resolve(fileName))) {
            text.forEach(record -> {
                JsonNode entry = Json.parse(record);
                entries.add(new Entry(fileName, Json.longValue(entry, "seq").orElse(-1L).intValue(),
                        Json.text(entry, "dir", ""), entry.get("msg"), Json.text(entry, "raw").orElse(null)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /**
     * Every line of every transcript whose name starts with one of the prefixes.
     *
     * @param prefixes e.g. {@code "50_"}
     * @return the entries, file by file
     */
    public static List<Entry> entries(String... prefixes) {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    entries.addAll(entries(name));
                    break;
                }
            }
        }
        return entries;
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
        return entries(fileName).stream()
                .filter(entry -> entry.isOut() && entry.msg() != null)
                .map(entry -> new Line(fileName, entry.seq(), entry.msg()))
                .toList();
    }
}
