package dev.claudecode.internal.callback;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.ProtocolRecordings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** The control requests the CLI sent in a recorded transcript, each with what the recording SDK answered. */
final class Recordings {

    /**
     * One CLI request and its recorded answer.
     *
     * @param line the whole {@code control_request} line
     * @param answer the whole {@code control_response} line written back, if any
     * @param cancelled whether the CLI cancelled the request
     */
    record Exchange(JsonNode line, Optional<JsonNode> answer, boolean cancelled) {

        String id() {
            return line.path("request_id").asString();
        }

        JsonNode request() {
            return line.path("request");
        }

        String subtype() {
            return request().path("subtype").asString();
        }

        /** @return the recorded answer's {@code response} object ({@code subtype}, {@code response} or {@code error}) */
        JsonNode recordedResponse() {
            return answer.orElseThrow().path("response");
        }
    }

    private Recordings() {
    }

    static Path transcript(String version, String prefix) {
        try (Stream<Path> files = Files.list(ProtocolRecordings.dir(version).resolve("transcripts"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix + "_")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the CLI's control requests of one transcript of one CLI version, in order, with their answers */
    static List<Exchange> cliRequests(String version, String prefix) {
        Map<String, JsonNode> requests = new LinkedHashMap<>();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        Set<String> cancelled = new HashSet<>();
        try (Stream<String> lines = Files.lines(transcript(version, prefix))) {
            lines.map(Json::parse).forEach(entry -> {
                JsonNode msg = entry.path("msg");
                String dir = entry.path("dir").asString("");
                String type = msg.path("type").asString("");
                if (dir.equals("out") && type.equals("control_request")) {
                    requests.put(msg.path("request_id").asString(), msg);
                } else if (dir.equals("out") && type.equals("control_cancel_request")) {
                    cancelled.add(msg.path("request_id").asString());
                } else if (dir.equals("in") && type.equals("control_response")) {
                    answers.put(msg.path("response").path("request_id").asString(), msg);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Exchange> exchanges = new ArrayList<>();
        requests.forEach((id, line) -> exchanges.add(
                new Exchange(line, Optional.ofNullable(answers.get(id)), cancelled.contains(id))));
        return exchanges;
    }

    /** @return the SDK's initialize request of one transcript of one CLI version */
    static JsonNode initializeRequest(String version, String prefix) {
        try (Stream<String> lines = Files.lines(transcript(version, prefix))) {
            return lines.map(Json::parse)
                    .filter(entry -> entry.path("dir").asString("").equals("in"))
                    .map(entry -> entry.path("msg"))
                    .filter(msg -> msg.path("request").path("subtype").asString("").equals("initialize"))
                    .findFirst().orElseThrow()
                    .path("request");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
