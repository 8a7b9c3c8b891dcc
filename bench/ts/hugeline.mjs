// One huge line: one turn of the fake CLI whose user message is a single line of many megabytes.
// Reports the time from start to the result and the peak memory growth. Prints one JSON line.
// Usage: node --expose-gc hugeline.mjs '<json spec>'
import { performance } from 'node:perf_hooks';
import { query } from '@anthropic-ai/claude-agent-sdk';
import { sdkOptions, statusKb, settledRssBytes, gc } from './common.mjs';

const spec = JSON.parse(process.argv[2]);
gc();
const rssBefore = await settledRssBytes();
let peakHeap = 0;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  peakHeap = Math.max(peakHeap, usage.heapUsed + usage.external);
}, 5);
const baseUsage = process.memoryUsage();
const heapBefore = baseUsage.heapUsed + baseUsage.external;
const start = performance.now();
const q = query({ prompt: 'go', options: sdkOptions(spec) });
let lineChars = 0, resultMs = -1;
for await (const message of q) {
  if (message.type === 'user') {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed + usage.external);
    lineChars = message.message.content[0].content.length;
  }
  if (message.type === 'result') { resultMs = performance.now() - start; break; }
}
clearInterval(sampler);
q.close();
const peakRss = statusKb('VmHWM') * 1024;
process.stdout.write(JSON.stringify({
  resultMs, lineChars,
  peakRssGrowthBytes: peakRss - rssBefore,
  peakHeapGrowthBytes: peakHeap - heapBefore,
}) + '\n');
process.exit(0);
