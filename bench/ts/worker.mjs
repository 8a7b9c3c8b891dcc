// The TypeScript side of bench/run: reads one JSON command per stdin line, runs it through the
// official Agent SDK, and answers one JSON line per command on stdout. Every command has a time
// limit (spec.timeoutMs): past it the worker closes what the command opened and answers with an
// error that names the command and the last message the SDK handed it.
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { prewarm, query, startup } from '@anthropic-ai/claude-agent-sdk';
import { openPrompt, sdkOptions } from './common.mjs';

/** The last message the running command read (kept by reference: rendered only on a timeout). */
let lastSeen = null;
/** What the running command opened (queries, spares), closed when it runs out of time. */
const opened = [];

function open(closable) {
  opened.push(closable);
  return closable;
}

/** Decode throughput: one turn of the fake CLI's long stream; messages per second to the consumer. */
async function decode(spec) {
  const start = performance.now();
  const q = open(query({ prompt: 'go', options: sdkOptions(spec) }));
  let count = 0, first = 0, last = 0;
  for await (const message of q) {
    lastSeen = message;
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
  return timeTurn(open(query({ prompt: spec.prompt, options: sdkOptions(spec) })), start);
}

/**
 * The same turn on a CLI started ahead by the SDK's startup() (launch and initialize), which then
 * waits settleMs before the timed query takes it.
 */
async function warmLatency(spec) {
  const before = performance.now();
  const warm = open(await startup({ options: sdkOptions(spec) }));
  const startupMs = performance.now() - before;
  await new Promise((resolve) => setTimeout(resolve, spec.settleMs));
  const start = performance.now();
  return { startupMs, ...(await timeTurn(open(warm.query(spec.prompt)), start)) };
}

/**
 * The same turn on a spare parked by the SDK's prewarm() before its folder is known (launch,
 * initialize, tools, in a parking directory), claimed for the session's folder by claim(), which
 * binds the folder and then runs the prompt. Fails when the spare refused the claim.
 */
async function claimLatency(spec) {
  const { cwd, ...hostOptions } = sdkOptions(spec);
  const before = performance.now();
  const spare = open(await prewarm({ options: hostOptions }));
  const startupMs = performance.now() - before;
  await new Promise((resolve) => setTimeout(resolve, spec.settleMs));
  const start = performance.now();
  const claimed = spare.claimed.then(() => null, (error) => error);
  const turn = await timeTurn(open(spare.claim({ prompt: spec.prompt, options: { cwd } })), start);
  const refused = await claimed;
  if (refused) throw new Error(`the spare refused the claim: ${refused.message}`);
  spare.close();
  return { startupMs, ...turn };
}

/** Reads a turn to its result: from start to the first assistant message and to the result, ms. */
async function timeTurn(q, start) {
  let firstAssistant = -1, result = -1;
  for await (const message of q) {
    lastSeen = message;
    if (message.type === 'assistant' && firstAssistant < 0) firstAssistant = performance.now() - start;
    if (message.type === 'result') { result = performance.now() - start; break; }
  }
  q.close();
  if (result < 0) throw new Error(`the turn ended without a result; the last message: ${describe(lastSeen)}`);
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
  const drain = (async () => { for await (const message of q) { lastSeen = message; } })();
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

/** At most 300 characters of a message, for failures. */
function describe(message) {
  if (message == null) return '(nothing)';
  const text = JSON.stringify(message);
  return text.length > 300 ? text.slice(0, 300) + '…' : text;
}

/** Runs one command within its time limit; past it, closes what the command opened and fails. */
async function withinLimit(spec, run) {
  const limitMs = spec.timeoutMs ?? 120000;
  lastSeen = null;
  opened.length = 0;
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`TypeScript SDK (node worker, ${spec.op}): no answer within ${limitMs / 1000} s; `
        + `the last message it read: ${describe(lastSeen)}`)), limitMs);
  });
  try {
    return await Promise.race([run(spec), expired]);
  } catch (error) {
    for (const closable of opened) {
      try { closable.close(); } catch { /* already closed */ }
    }
    if (control && spec.op.startsWith('control')) {
      try { control.release(); control.q.close(); } catch { /* already closed */ }
      control = null;
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

const ops = { decode, latency, warmLatency, claimLatency, controlOpen, controlRun, controlClose };
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const spec = JSON.parse(line);
  try {
    if (!ops[spec.op]) throw new Error(`no such command: ${spec.op}`);
    const answer = await withinLimit(spec, ops[spec.op]);
    process.stdout.write(JSON.stringify({ ok: true, ...answer }) + '\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ ok: false, error: String(error && error.stack || error) }) + '\n');
  }
}
