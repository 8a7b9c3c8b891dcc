// Scale: N concurrent sessions on the fake CLI in one Node process. Each runs one turn and then
// stays open, idle; then heap per session, threads and RSS are measured. Prints one JSON line.
// Usage: node --expose-gc scale.mjs '<json spec>'
import { performance } from 'node:perf_hooks';
import { query } from '@anthropic-ai/claude-agent-sdk';
import { openPrompt, sdkOptions, threadCount, settledRssBytes, gc } from './common.mjs';

const spec = JSON.parse(process.argv[2]);
gc();
const heapBefore = process.memoryUsage().heapUsed;
const rssBefore = await settledRssBytes();
const start = performance.now();
const sessions = [];
for (let i = 0; i < spec.sessions; i++) {
  const { prompt, release } = openPrompt('hello');
  const q = query({ prompt, options: sdkOptions(spec) });
  const session = { q, release, last: null, done: false };
  session.resultSeen = (async () => {
    for await (const message of q) {
      if (message.type === 'result') { session.done = true; session.last = null; return true; }
      session.last = message;
    }
    return false;
  })();
  sessions.push(session);
}
// each iterator stays suspended after its result: the session is open and idle
let timer;
const results = await Promise.race([
  Promise.all(sessions.map((s) => s.resultSeen)),
  new Promise((resolve) => { timer = setTimeout(() => resolve(null), spec.timeoutMs); }),
]);
clearTimeout(timer);
const totalMs = performance.now() - start;
if (!results) {
  // name the driver and where the first unfinished turn stopped, and fail the workload
  const index = sessions.findIndex((s) => !s.done);
  const last = index < 0 ? '(nothing)' : JSON.stringify(sessions[index].last ?? '(nothing)').slice(0, 300);
  process.stdout.write(JSON.stringify({
    sessions: spec.sessions, completed: sessions.filter((s) => s.done).length,
    error: `TypeScript SDK (scale): session ${index + 1} of ${spec.sessions} had no result within ${spec.timeoutMs} ms; `
      + `the last message it read: ${last}`,
  }) + '\n');
  process.exit(1);
}
await new Promise((resolve) => setTimeout(resolve, 1000));
gc();
const heapIdle = process.memoryUsage().heapUsed;
const rssIdle = await settledRssBytes();
const threads = threadCount();
const completed = results ? results.filter(Boolean).length : 0;
for (const s of sessions) { s.release(); s.q.close(); }
process.stdout.write(JSON.stringify({
  sessions: spec.sessions, completed, totalMs,
  heapPerSessionBytes: (heapIdle - heapBefore) / spec.sessions,
  rssPerSessionBytes: (rssIdle - rssBefore) / spec.sessions,
  threads,
}) + '\n');
process.exit(0);
