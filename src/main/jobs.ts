/**
 * Long imports (OCR of a scan) as jobs the UI can follow and stop: the caller names a job with a
 * key of its own when it starts the work, asks `jobs.progress` for that key while it waits, and
 * `jobs.cancel` stops it. A job lives only while its work runs.
 */
import type { JobProgress } from '../shared/api-ocr';

interface Job {
  progress: JobProgress;
  controller: AbortController;
}

const jobs = new Map<string, Job>();

/** Runs `work` as job `key` (or anonymously without one). */
export async function runJob<T>(
  key: string | undefined,
  work: (job: { signal: AbortSignal; report: (progress: JobProgress) => void }) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const job: Job = { progress: { stage: 'reading', done: 0, pages: 0 }, controller };
  if (key) jobs.set(key, job);
  try {
    return await work({ signal: controller.signal, report: (p) => (job.progress = p) });
  } finally {
    if (key && jobs.get(key) === job) jobs.delete(key);
  }
}

export const jobProgress = (key: string): JobProgress | null => jobs.get(key)?.progress ?? null;

export function cancelJob(key: string): boolean {
  const job = jobs.get(key);
  if (!job) return false;
  job.controller.abort();
  return true;
}

/** Stops every running job (the process is stopping: stop-signal.ts). */
export function cancelAllJobs(): void {
  for (const job of jobs.values()) job.controller.abort();
}
