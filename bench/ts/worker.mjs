// The TypeScript side of bench/run: reads one JSON command per stdin line, runs it through the
// official Agent SDK, and answers one JSON line per command on stdout.
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { query, startup } from '@anthropic-ai/claude-agent-sdk';
import { openPrompt, sdkOptions } from './common.mjs';

/** Decode throughput: one turn of the fake CLI's long stream; messages per second to the consumer. */
async function decode(spec) {
  const start = performance.now();
  const q = query({ prompt: 'go', options: sdkOptions(spec) });
  let count = 0, first = 0, last = 0;
  for await (const message of q) {
    if (count === 0) first = performance.now();
    count++;
    if (message.type === 'result') { last = performance.now(); break; }
  }
  q.close();
  return { messages: count, firstToResultMs: last - first, totalMs: last - start };
}

/** Turn latency: start to first assistant message and start to result, one fresh CLI per run. */
async function latency(spec) {
  const start = performance.now();
  return timeTurn(query({ prompt: spec.prompt, options: sdkOptions(spec) }), start);
}

/**
 * The same turn on a CLI started ahead by the SDK's startup() (launch and initialize), which then
 * waits settleMs before the timed query takes it.
 */
async function warmLatency(spec) {
  const before = performance.now();
  const warm = await startup({ options: sdkOptions(spec) });
  const startupMs = performance.now() - before;
  await new Promise((resolve) => setTimeout(resolve, spec.settleMs));
  const start = performance.now();
  return { startupMs, ...(await timeTurn(warm.query(spec.prompt), start)) };
}

/** Reads a turn to its result: from start to the first assistant message and to the result, ms. */
async function timeTurn(q, start) {
  let firstAssistant = -1, result = -1;
  for await (const message of q) {
    if (message.type === 'assistant' && firstAssistant < 0) firstAssistant = performance.now() - start;
    if (message.type === 'result') { result = performance.now() - start; break; }
  }
  q.close();
  return { firstAssistantMs: firstAssistant, resultMs: result };
}

/**
 * Control round trip on one live session, opened once and measured run by run, so that the
 * harness can interleave these runs with the other drivers' runs.
 */
let control = null;

async function controlOpen(spec) {
  const { prompt, release } = openPrompt();
  const q = query({ prompt, options: sdkOptions(spec) });
  const drain = (async () => { for await (const _ of q) { /* nothing arrives between turns */ } })();
  await q.initializationResult();
  const models = ['claude-sonnet-4-5', 'claude-opus-4-1'];
  const call = spec.kind === 'mcpStatus' ? (i) => q.mcpServerStatus() : (i) => q.setModel(models[i & 1]);
  await call(0);
  control = { q, call, release, drain };
  return {};
}

async function controlRun(spec) {
  const start = performance.now();
  for (let i = 0; i < spec.calls; i++) await control.call(i);
  return { ms: performance.now() - start };
}

async function controlClose() {
  control.release();
  control.q.close();
  await control.drain.catch(() => {});
  control = null;
  return {};
}

const ops = { decode, latency, warmLatency, controlOpen, controlRun, controlClose };
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const spec = JSON.parse(line);
  try {
    const answer = await ops[spec.op](spec);
    process.stdout.write(JSON.stringify({ ok: true, ...answer }) + '\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ ok: false, error: String(error && error.stack || error) }) + '\n');
  }
}
