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

/** Reads the recorded CLI transcripts under {@code protocol/<version>/transcripts}, of every recorded version. */
public final class GoldenTranscripts {

    /**
     * One recorded line.
     *
     * @param version the CLI version that was recorded
     * @param file the transcript's file name
     * @param seq the line's number in it
     * @param dir {@code in} (SDK to CLI), {@code out} (CLI to SDK), {@code stderr}, {@code meta} or {@code note}
     * @param msg the JSON the line carried, or null for raw lines
     * @param raw the line kept verbatim when it was not JSON, or null
     */
    public record Entry(String version, String file, int seq, String dir, JsonNode msg, String raw) {

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
            return version + "/" + file + "#" + seq;
        }
    }

    /** One line the CLI wrote on stdout, with where it was recorded. */
    record Line(String version, String file, int seq, JsonNode msg) {

        String type() {
            return Json.text(msg, "type", "");
        }

        boolean isControl() {
            return type().startsWith("control_");
        }

        @Override
        public String toString() {
            return version + "/" + file + "#" + seq;
        }
    }

    private GoldenTranscripts() {
    }

    /** @return the recorded versions, oldest first */
    public static List<String> versions() {
        return ProtocolRecordings.versions();
    }

    /** @return the directory holding one version's transcripts */
    public static Path directory(String version) {
        return ProtocolRecordings.dir(version).resolve("transcripts");
    }

    /** @return every transcript file of one version, sorted by name */
    public static List<Path> files(String version) {
        try (Stream<Path> files = Files.list(directory(version))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every line of one transcript, in order.
     *
     * @param version the recorded CLI version, e.g. {@code 2.1.197}
     * @param fileName e.g. {@code "53_stop_task.jsonl"}
     * @return the entries
     */
    public static List<Entry> entries(String version, String fileName) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<String> text = Files.lines(directory(version).resolve(fileName))) {
            text.forEach(record -> {
                JsonNode entry = Json.parse(record);
                entries.add(new Entry(version, fileName, Json.longValue(entry, "seq").orElse(-1L).intValue(),
                        Json.text(entry, "dir", ""), entry.get("msg"), Json.text(entry, "raw").orElse(null)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /**
     * Every line of every transcript of every version whose name starts with one of the prefixes.
     *
     * @param prefixes e.g. {@code "50_"}
     * @return the entries, version by version, file by file
     */
    public static List<Entry> entriesOfEveryVersion(String... prefixes) {
        List<Entry> entries = new ArrayList<>();
        for (String version : versions()) {
            for (Path file : files(version)) {
                String name = file.getFileName().toString();
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix)) {
                        entries.addAll(entries(version, name));
                        break;
                    }
                }
            }
        }
        return entries;
    }

    /** Every stdout line of every transcript of every version that is JSON (lines kept as {@code raw} are not). */
    static List<Line> stdout() {
        List<Line> lines = new ArrayList<>();
        for (String version : versions()) {
            lines.addAll(stdoutOf(version));
        }
        return lines;
    }

    /** Every stdout line of every transcript of one version that is JSON. */
    static List<Line> stdoutOf(String version) {
        List<Line> lines = new ArrayList<>();
        for (Path file : files(version)) {
            lines.addAll(stdout(version, file.getFileName().toString()));
        }
        return lines;
    }

    /** The stdout JSON lines of one transcript, such as {@code "12_partial_messages_tool_use.jsonl"}. */
    static List<Line> stdout(String version, String fileName) {
        return entries(version, fileName).stream()
                .filter(entry -> entry.isOut() && entry.msg() != null)
                .map(entry -> new Line(version, fileName, entry.seq(), entry.msg()))
                .toList();
    }
}
