package dev.claudecode.bench;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.UserMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workload 5, in a fresh JVM: one turn of the fake CLI whose user message is one huge line;
 * prints the time from start to the result and the peak heap growth (the sum of the heap pools'
 * peaks, an upper bound) as one JSON line. The consumer keeps the message until the result.
 */
public final class HugeLineChild {

    /** Heap allowed on top of three times the line for everything else the JVM holds (classes' objects, Jackson, the session). */
    static final long BASELINE_ALLOWANCE = 32L * 1024 * 1024;

    private HugeLineChild() {
    }

    /**
     * Runs the workload.
     *
     * @param args the JSON spec: cli, cwd, env
     * @throws InterruptedException when interrupted while the memory settles
     */
    public static void main(String[] args) throws InterruptedException {
        JsonNode spec = Json.parse(args[0]);
        Map<String, String> env = new java.util.LinkedHashMap<>();
        spec.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(Path.of(spec.path("cli").asString()))
                .cwd(Path.of(spec.path("cwd").asString())).env(env).build();
        long heapBefore = ScaleChild.settledHeap();
        long rssBefore = Rss.settledBytes();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        long lineChars = 0;
        double resultMs = -1;
        Message kept = null;
        try (Session session = ClaudeCode.start(options); MessageStream turn = session.stream("go")) {
            // an OutOfMemoryError on the reader thread ends the turn with an error, which fails here
            for (Message message : turn) {
                if (message instanceof UserMessage user) {
                    kept = user;
                    for (var block : user.content()) {
                        if (block instanceof ToolResultBlock result) {
                            lineChars += result.text().length();
                        }
                    }
                }
                if (message instanceof ResultMessage) {
                    resultMs = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        ObjectNode out = Json.object();
        out.put("resultMs", resultMs);
        out.put("lineChars", lineChars);
        out.put("kept", kept != null);
        out.put("peakHeapGrowthBytes", peak - heapBefore);
        out.put("peakRssGrowthBytes", Rss.peakBytes() - rssBefore);
        System.out.println(Json.write(out));
        System.out.flush();
        System.exit(0);
    }
}
