package dev.claudecode.bench.jmh;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.ControlChannel;
import dev.claudecode.internal.protocol.MessageDecoder;
import dev.claudecode.internal.protocol.StdinWriter;
import dev.claudecode.internal.protocol.StdoutRouter;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;

/**
 * The stdout decoder on one representative line: the Jackson tree alone (the floor), the tree
 * plus {@link MessageDecoder} (what a message costs), and the whole {@link StdoutRouter} path
 * from bytes to the consumer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageDecoderBenchmark {

    /** Which line. */
    @Param({"SYSTEM_INIT", "ASSISTANT_TEXT", "ASSISTANT_TOOL_USE", "USER_TOOL_RESULT", "STREAM_EVENT_DELTA", "RESULT_SUCCESS"})
    public RepresentativeLines line;

    private byte[] bytes;
    private StdoutRouter router;
    private ControlChannel control;
    private Blackhole sink;

    /** Loads the line and builds a router whose consumer is the blackhole. */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        bytes = line.bytes();
        sink = blackhole;
        control = new ControlChannel(new StdinWriter(OutputStream.nullOutputStream()), (subtype, request) -> null);
        router = new StdoutRouter(control, message -> sink.consume(message), error -> sink.consume(error));
    }

    /** Releases the control channel. */
    @TearDown(Level.Trial)
    public void tearDown() {
        control.close();
    }

    /** @return the Jackson tree of the line */
    @Benchmark
    public JsonNode treeOnly() {
        return Json.parse(bytes, 0, bytes.length);
    }

    /** @return the typed message of the line */
    @Benchmark
    public Object treeAndDecode() {
        return MessageDecoder.decode(Json.parse(bytes, 0, bytes.length));
    }

    /** Routes the line as the reader thread does, to a consumer that only keeps it. */
    @Benchmark
    public void router() {
        router.line(bytes, 0, bytes.length);
    }
}
