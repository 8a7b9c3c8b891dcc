package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.errors.ProtocolException;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.Message;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.message.UnknownMessage;
import dev.claudecode.message.UnknownSystemMessage;
import dev.claudecode.message.stream.UnknownStreamEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Feeds a million mutated variants of every recorded stdout line through the real reading path
 * (LineReader framing, StdoutRouter, ControlChannel over a throwaway stdin, MessageDecoder) and
 * checks that each line has exactly one outcome: a typed message, an {@code Unknown*} value, a
 * control line handed to the control channel, an ignored blank or keep-alive line, or a reported
 * {@link ProtocolException}. Nothing may escape as an exception and nothing may vanish.
 *
 * <p>Deterministic: line {@code i} is mutant {@code i % seeds} of a generator seeded with {@code
 * claudecode.fuzz.seed} and {@code i}. {@code -Dclaudecode.fuzz.lines=N} runs a longer soak.
 */
class StdoutFuzzTest {

    private static final long SEED = Long.getLong("claudecode.fuzz.seed", 0x5EED_2026L);
    private static final int LINES = Integer.getInteger("claudecode.fuzz.lines", 1_000_000);
    private static final int BATCH = 2_000;
    private static final int MAX_STRING = 200;
    private static final Set<String> DECODED_TYPES = Set.of("system", "assistant", "user", "result", "stream_event",
            "rate_limit_event", "tool_progress", "prompt_suggestion", "auth_status");

    /** What became of a line. */
    enum Outcome { MESSAGE, UNKNOWN, CONTROL, IGNORED, PROTOCOL_ERROR, DECODER_FALLBACK, LOST, DUPLICATED, UNCAUGHT }

    @Test
    void everyMutatedLineBecomesAMessageAnUnknownOrAReportedError() throws Exception {
        List<LineMutator.Seed> seeds = LineMutator.goldenSeeds(MAX_STRING);
        LineMutator mutator = new LineMutator(seeds);
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        int batches = (LINES + BATCH - 1) / BATCH;
        AtomicLong inboundRequests = new AtomicLong();

        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        List<Worker> done = new ArrayList<>();
        // virtual threads, like the session's stdout reader: deep nesting must fit their stacks too
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Worker>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                futures.add(pool.submit(() -> {
                    Worker worker = new Worker(mutator, seeds, inboundRequests);
                    for (int batch = first; batch < batches; batch += workers) {
                        worker.run(batch * BATCH, Math.min(LINES, (batch + 1) * BATCH));
                    }
                    worker.close();
                    return worker;
                }));
            }
            for (Future<Worker> future : futures) {
                done.add(future.get());
            }
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        long cpuMs = (processCpuNanos() - cpuStarted) / 1_000_000;

        Map<LineMutator.Kind, long[]> table = new EnumMap<>(LineMutator.Kind.class);
        long[] totals = new long[Outcome.values().length];
        List<String> samples = new ArrayList<>();
        for (Worker worker : done) {
            worker.counts.forEach((kind, counts) -> {
                long[] row = table.computeIfAbsent(kind, k -> new long[Outcome.values().length]);
                for (int i = 0; i < counts.length; i++) {
                    row[i] += counts[i];
                    totals[i] += counts[i];
                }
            });
            samples.addAll(worker.samples);
        }
        print(table, totals, seeds.size(), mutator, inboundRequests.get(), elapsedMs, cpuMs);
        samples.stream().limit(20).forEach(System.out::println);

        assertThat(samples).as("lines that escaped, vanished, were doubled or crashed a decoder").isEmpty();
        assertThat(total(totals)).isEqualTo(LINES);
        assertThat(totals[Outcome.UNCAUGHT.ordinal()]).isZero();
        assertThat(totals[Outcome.LOST.ordinal()]).isZero();
        assertThat(totals[Outcome.DUPLICATED.ordinal()]).isZero();
        assertThat(totals[Outcome.DECODER_FALLBACK.ordinal()]).isZero();
        // the mix is meaningful: every kind of damage was tried, and each outcome happens
        assertThat(table.keySet()).containsExactlyInAnyOrder(LineMutator.Kind.values());
        for (Outcome expected : List.of(Outcome.MESSAGE, Outcome.UNKNOWN, Outcome.CONTROL, Outcome.IGNORED, Outcome.PROTOCOL_ERROR)) {
            assertThat(totals[expected.ordinal()]).as(expected.name()).isPositive();
        }
    }

    /** The fuzzer itself: structural mutations keep the JSON valid, so they test decoding, not parsing. */
    @Test
    void structuralMutationsOfEverySeedAreStillJsonObjects() {
        List<LineMutator.Seed> seeds = LineMutator.goldenSeeds(MAX_STRING);
        LineMutator mutator = new LineMutator(seeds);
        SplittableRandom random = new SplittableRandom(SEED);
        for (LineMutator.Seed seed : seeds) {
            for (LineMutator.Span span : seed.spans()) {
                assertThat(Json.parse(seed.bytes(), span.start(), span.end() - span.start())).as(seed.origin()).isNotNull();
            }
            for (LineMutator.Kind kind : List.of(LineMutator.Kind.TYPE_SWAP, LineMutator.Kind.SUBTYPE_SWAP,
                    LineMutator.Kind.DROP_FIELD, LineMutator.Kind.DUPLICATE_KEY)) {
                byte[] mutant = mutator.mutate(seed, random, kind).bytes();
                assertThat(Json.parse(mutant, 0, mutant.length).isObject()).as(kind + " of " + seed.origin()).isTrue();
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long total(long[] counts) {
        long sum = 0;
        for (long count : counts) {
            sum += count;
        }
        return sum;
    }

    private static void print(Map<LineMutator.Kind, long[]> table, long[] totals, int seeds, LineMutator mutator,
            long inboundRequests, long elapsedMs, long cpuMs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nstdout fuzzing: %,d lines from %d recorded stdout lines (%d types, %d subtypes to swap in), "
                + "seed %#x, %,d ms (%,d ms of CPU)%n", total(totals), seeds, mutator.typeCount(), mutator.subtypeCount(), SEED,
                elapsedMs, cpuMs));
        out.append(String.format("%-16s", "mutation"));
        for (Outcome outcome : Outcome.values()) {
            out.append(String.format(" %16s", outcome.name().toLowerCase()));
        }
        out.append('\n');
        table.forEach((kind, row) -> {
            out.append(String.format("%-16s", kind.name().toLowerCase()));
            for (long count : row) {
                out.append(String.format(" %,16d", count));
            }
            out.append('\n');
        });
        out.append(String.format("%-16s", "total"));
        for (long count : totals) {
            out.append(String.format(" %,16d", count));
        }
        out.append(String.format("%ncontrol requests from the 'CLI' answered by the channel: %,d%n", inboundRequests));
        System.out.print(out);
    }

    /** One reading path (router, control channel, decoder) and its tally. */
    private static final class Worker {

        private final LineMutator mutator;
        private final List<LineMutator.Seed> seeds;
        private final ControlChannel control;
        private final StdoutRouter router;
        private final Map<LineMutator.Kind, long[]> counts = new EnumMap<>(LineMutator.Kind.class);
        private final List<String> samples = new ArrayList<>();
        private Outcome last;
        private int delivered;

        Worker(LineMutator mutator, List<LineMutator.Seed> seeds, AtomicLong inboundRequests) {
            this.mutator = mutator;
            this.seeds = seeds;
            this.control = new ControlChannel(new StdinWriter(OutputStream.nullOutputStream()), (subtype, request) -> {
                inboundRequests.incrementAndGet();
                throw new UnsupportedOperationException("no handler for " + subtype);
            });
            this.router = new StdoutRouter(control, this::onMessage, this::onError);
        }

        void run(int from, int to) {
            List<LineMutator.Mutant> mutants = new ArrayList<>(to - from);
            ByteArrayOutputStream framed = new ByteArrayOutputStream();
            for (int i = from; i < to; i++) {
                LineMutator.Seed seed = seeds.get(i % seeds.size());
                LineMutator.Mutant mutant = mutator.mutate(seed, new SplittableRandom(SEED ^ (i * 0x9E3779B97F4A7C15L)));
                mutants.add(mutant);
                framed.writeBytes(mutant.bytes());
                framed.write('\n');
            }
            int[] index = {0};
            LineReader reader = new LineReader(new ByteArrayInputStream(framed.toByteArray()), Long.MAX_VALUE);
            try {
                reader.readAll((buffer, offset, length) -> {
                    int at = index[0]++;
                    LineMutator.Mutant mutant = mutants.get(at);
                    tally(mutant, classify(mutant, from + at, buffer, offset, length));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(index[0]).as("lines framed in batch at %d", from).isEqualTo(to - from);
        }

        private Outcome classify(LineMutator.Mutant mutant, int line, byte[] buffer, int offset, int length) {
            last = null;
            delivered = 0;
            try {
                router.line(buffer, offset, length);
            } catch (Throwable e) {
                sample(Outcome.UNCAUGHT, mutant, line, e);
                return Outcome.UNCAUGHT;
            }
            if (delivered > 1) {
                sample(Outcome.DUPLICATED, mutant, line, null);
                return Outcome.DUPLICATED;
            }
            if (delivered == 1) {
                if (last == Outcome.DECODER_FALLBACK) {
                    sample(Outcome.DECODER_FALLBACK, mutant, line, null);
                }
                return last;
            }
            Outcome silent = silentOutcome(buffer, offset, length);
            if (silent == Outcome.LOST) {
                sample(Outcome.LOST, mutant, line, null);
            }
            return silent;
        }

        /** A line that produced neither a message nor an error must be control, keep-alive or blank. */
        private static Outcome silentOutcome(byte[] buffer, int offset, int length) {
            if (new String(buffer, offset, length, StandardCharsets.UTF_8).isBlank()) {
                return Outcome.IGNORED;
            }
            JsonNode node;
            try {
                node = Json.parse(buffer, offset, length);
            } catch (JacksonException e) {
                return Outcome.LOST;
            }
            String type = node.path("type").asString("");
            if (type.equals("keep_alive")) {
                return Outcome.IGNORED;
            }
            return Set.of("control_request", "control_response", "control_cancel_request").contains(type)
                    ? Outcome.CONTROL : Outcome.LOST;
        }

        private void onMessage(Message message) {
            delivered++;
            // what a caller does with a message must not throw either
            message.type();
            message.sessionId();
            message.uuid();
            message.raw().size();
            last = switch (message) {
                case UnknownMessage unknown when DECODED_TYPES.contains(unknown.type()) -> Outcome.DECODER_FALLBACK;
                case UnknownMessage unknown -> Outcome.UNKNOWN;
                case UnknownSystemMessage unknown -> Outcome.UNKNOWN;
                case StreamEventMessage event when event.event() instanceof UnknownStreamEvent -> Outcome.UNKNOWN;
                default -> Outcome.MESSAGE;
            };
        }

        private void onError(ProtocolException error) {
            delivered++;
            error.getMessage();
            last = Outcome.PROTOCOL_ERROR;
        }

        private void tally(LineMutator.Mutant mutant, Outcome outcome) {
            counts.computeIfAbsent(mutant.kind(), k -> new long[Outcome.values().length])[outcome.ordinal()]++;
        }

        private void sample(Outcome outcome, LineMutator.Mutant mutant, int line, Throwable error) {
            if (samples.size() < 20) {
                String text = new String(mutant.bytes(), StandardCharsets.UTF_8);
                samples.add(outcome + " at line " + line + " (" + mutant.kind() + " of " + seeds.get(line % seeds.size()).origin()
                        + "): " + (error == null ? "" : error + " ") + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
            }
        }

        void close() {
            control.close();
        }
    }
}
