package dev.claudecode.bench;

import dev.claudecode.internal.json.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The files the fake CLI replays, drawn from the golden transcripts: the recorded {@code
 * initialize} answer, a long decode turn, a small turn, and a turn with one huge line.
 *
 * <p>The decode turn is every message the CLI wrote in the transcripts (control lines and
 * results left out, so that the whole stream is one turn), repeated until it holds the asked-for
 * number of messages, with the two 5 MB lines of transcripts 84 and 85 restored to their recorded
 * size every {@value #BIG_LINE_EVERY}th round, and one result at the end.
 */
public final class Fixtures {

    /** How often (in rounds over the transcripts) the 5 MB lines come back. */
    static final int BIG_LINE_EVERY = 64;

    private static final Set<String> LEFT_OUT = Set.of("control_request", "control_response", "control_cancel_request",
            "keep_alive", "result");
    private static final Pattern TRUNCATED = Pattern.compile("\\.\\.\\.<truncated (\\d+) chars>\\.\\.\\.");

    /** @param initPayload the initialize answer; @param normal the ordinary lines; @param big the restored 5 MB lines; @param result the closing result */
    record Corpus(String initPayload, List<String> normal, List<String> big, String result, String smallTurn) {
    }

    private Fixtures() {
    }

    /**
     * Reads the transcripts.
     *
     * @param transcripts one version's {@code protocol/<version>/transcripts} directory
     * @return the lines to replay
     */
    static Corpus read(Path transcripts) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(transcripts)) {
            files = list.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        String init = null;
        String result = null;
        List<String> normal = new ArrayList<>();
        List<String> big = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode record = Json.parse(line);
                if (!"out".equals(record.path("dir").asString("")) || !record.has("msg")) {
                    continue;
                }
                JsonNode msg = record.get("msg");
                String type = msg.path("type").asString("");
                if (init == null && type.equals("control_response")
                        && msg.path("response").path("response").has("commands")) {
                    init = Json.write(msg.path("response").path("response"));
                }
                if (result == null && type.equals("result") && msg.path("subtype").asString("").equals("success")) {
                    result = Json.write(msg);
                }
                if (LEFT_OUT.contains(type)) {
                    continue;
                }
                String text = Json.write(msg);
                if (record.has("bytes")) {
                    big.add(restore(text));
                } else {
                    normal.add(text);
                }
            }
        }
        if (init == null || result == null || normal.isEmpty()) {
            throw new IllegalStateException("the transcripts in " + transcripts + " lack an initialize answer, a result or messages");
        }
        return new Corpus(init, normal, big, result, smallTurn(transcripts.resolve("10_plain_turn.jsonl")));
    }

    /** Puts back the characters the recorder cut out of strings, as the same character repeated. */
    static String restore(String text) {
        Matcher matcher = TRUNCATED.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            int count = Integer.parseInt(matcher.group(1));
            char fill = matcher.start() > 0 ? text.charAt(matcher.start() - 1) : 'x';
            matcher.appendReplacement(out, "");
            out.repeat(fill, count);
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String smallTurn(Path transcript) throws IOException {
        StringBuilder turn = new StringBuilder();
        for (String line : Files.readAllLines(transcript, StandardCharsets.UTF_8)) {
            JsonNode record = Json.parse(line);
            String type = record.path("msg").path("type").asString("");
            if ("out".equals(record.path("dir").asString("")) && !type.startsWith("control_")) {
                turn.append(Json.write(record.get("msg"))).append('\n');
            }
        }
        return turn.toString();
    }

    /**
     * Writes the decode turn: at least {@code messages} messages, then the result.
     *
     * @return how many messages the turn has, the result included
     */
    static long writeDecodeTurn(Corpus corpus, long messages, Path file) throws IOException {
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int round = 0; written < messages; round++) {
                for (String line : corpus.normal()) {
                    writeLine(out, line);
                    written++;
                }
                if (round % BIG_LINE_EVERY == 0) {
                    for (String line : corpus.big()) {
                        writeLine(out, line);
                        written++;
                    }
                }
            }
            writeLine(out, corpus.result());
            written++;
        }
        return written;
    }

    /**
     * Writes a turn whose one user message carries a tool result of about {@code lineBytes}
     * bytes (recorded tool output, repeated), then the result.
     */
    static void writeHugeLineTurn(Corpus corpus, int lineBytes, Path file) throws IOException {
        // Latin-1 text, as most tool output is: a Java String of it takes one byte per character
        String unit = "    at dev.example.Service.handle(Service.java:42) ünïcödé \"quoted\"\ttab\n";
        ObjectNode block = Json.object();
        block.put("type", "tool_result");
        block.put("tool_use_id", "toolu_fake_huge");
        String probe = Json.write(block);
        int overhead = probe.length() + 400;
        int unitBytes = Json.write(unit).length() - 2;
        StringBuilder content = new StringBuilder(lineBytes);
        content.repeat(unit, Math.max(1, (lineBytes - overhead) / unitBytes));
        block.put("content", content.toString());
        ObjectNode message = Json.object();
        message.put("type", "user");
        ObjectNode inner = message.putObject("message");
        inner.put("role", "user");
        inner.putArray("content").add(block);
        message.putNull("parent_tool_use_id");
        message.put("session_id", "00000000-0000-4000-8000-000000000064");
        message.put("uuid", "00000000-0000-4000-8000-000000000065");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(Json.MAPPER.writeValueAsBytes(message));
            out.write('\n');
            writeLine(out, corpus.result());
        }
    }

    static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
