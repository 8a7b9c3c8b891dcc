package dev.claudecode.bench;

import dev.claudecode.bench.jmh.CliArgumentsBenchmark;
import dev.claudecode.bench.jmh.MessageDecoderBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Workload 6: the JMH microbenchmarks, run in forked JVMs with the GC profiler (allocation per operation). */
final class JmhBench {

    /**
     * One benchmark's score.
     *
     * @param name the benchmark method, with its parameter
     * @param nanos average time per operation
     * @param error the 99.9% confidence half-width
     * @param bytesPerOp bytes allocated per operation
     */
    record Row(String name, double nanos, double error, double bytesPerOp) {
    }

    private JmhBench() {
    }

    static List<Row> run(Path protocolDir) throws RunnerException {
        // JMH ends an iteration that takes longer than its timeout; the whole run has a limit too
        Collection<RunResult> results = Watchdog.within("JMH", java.time.Duration.ofMinutes(20), progress -> new Runner(new OptionsBuilder()
                .include(MessageDecoderBenchmark.class.getName())
                .include(CliArgumentsBenchmark.class.getName())
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Dclaudecode.protocol.dir=" + protocolDir, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .timeout(org.openjdk.jmh.runner.options.TimeValue.minutes(1))
                .shouldFailOnError(true)
                .build()).run());
        List<Row> rows = new ArrayList<>();
        for (RunResult run : results) {
            var params = run.getParams();
            String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.', params.getBenchmark().lastIndexOf('.') - 1) + 1);
            String line = params.getParam("line");
            if (line != null) {
                name += " [" + line + "]";
            }
            Result<?> primary = run.getPrimaryResult();
            double alloc = Double.NaN;
            for (var entry : run.getSecondaryResults().entrySet()) {
                if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = entry.getValue().getScore();
                }
            }
            rows.add(new Row(name, primary.getScore(), primary.getScoreError(), alloc));
        }
        return rows;
    }
}
