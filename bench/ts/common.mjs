// Shared helpers of the TypeScript side of bench/run.
import { readFileSync } from 'node:fs';

/** A prompt that sends one user message, or none, and then stays open until release() is called. */
export function openPrompt(text) {
  let release;
  const done = new Promise((resolve) => { release = resolve; });
  async function* messages() {
    if (text !== undefined) {
      yield { type: 'user', message: { role: 'user', content: text }, parent_tool_use_id: null, session_id: '' };
    }
    await done;
  }
  return { prompt: messages(), release };
}

/** The options every run uses: the CLI under test, the environment and the working directory. */
export function sdkOptions(spec) {
  return {
    pathToClaudeCodeExecutable: spec.cli,
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    settingSources: [],
  };
}

export function threadCount() {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/Threads:\s+(\d+)/.exec(status)[1]);
}

export function statusKb(field) {
  const status = readFileSync('/proc/self/status', 'utf8');
  const match = new RegExp(field + ':\\s+(\\d+) kB').exec(status);
  return match ? Number(match[1]) : 0;
}

// The resident set size a second after the call, as the Java side reads it (Rss.settledBytes):
// collectors hand freed memory back to the system after the collection, not during it.
export async function settledRssBytes() {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return statusKb('VmRSS') * 1024;
}

export function gc() {
  if (globalThis.gc) { globalThis.gc(); globalThis.gc(); }
}
