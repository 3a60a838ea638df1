// Small measurement helpers for the benchmark harness: timing, percentiles, process memory.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.js';

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => percentile(values, 50);

/** Runs fn `runs` times (after `warmup` unmeasured runs) and returns the durations in ms. */
export async function timeRuns(fn, { runs = 3, warmup = 0 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const durations = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    durations.push(performance.now() - start);
  }
  return durations;
}

/** Peak resident memory (VmHWM) and current RSS of a process, in MB (Linux /proc). */
export function processMemory(pid = process.pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
  } catch {
    return { peakMB: NaN, rssMB: NaN };
  }
}

export const round = (x, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

/** POSTs input as JSON to a path of the serve shell, with its token, as the renderer does. */
function post(origin, token, path, input) {
  return fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Claimdesk-Token': token, Origin: origin },
    body: JSON.stringify(input),
  });
}

/** An RPC client as the renderer is one: returns the value, throws the error. */
export function rpcClient(origin, token) {
  return async (method, input) => {
    const body = await (await post(origin, token, `/rpc/${method}`, input)).json();
    if (!body.ok) throw new Error(body.error.message);
    return body.value;
  };
}

/** Debian's Chromium, launched as the e2e tests launch it. */
export async function launchChromium() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A file method answered by the serve shell with the file itself, read to the last byte as the
 * page reads it: chunk by chunk, kept as chunks (the page makes a Blob of them, never one copy). */
export async function fetchFile(origin, token, method, input) {
  const response = await post(origin, token, `/file/${method}`, input);
  if (!response.headers.get('X-Claimdesk-File-Name')) throw new Error(await response.text());
  const chunks = [];
  let size = 0;
  for await (const chunk of response.body) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  if (size !== Number(response.headers.get('Content-Length'))) throw new Error('file cut short');
  return chunks;
}
