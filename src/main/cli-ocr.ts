/**
 * The terminal's view of long imports: "OCR page 3 of 41" on stderr while a scan is read, and
 * Ctrl+C stopping the OCR (nothing of that file is stored) instead of killing the workspace mid-write.
 */
import { randomUUID } from 'node:crypto';
import { cancelJob, jobProgress } from './jobs';
import { describeJob } from '../shared/ocr';

/** Runs `work` as a job, printing its progress to stderr and cancelling it on Ctrl+C. */
export async function withProgress<T>(
  label: string,
  work: (job: string) => Promise<T>,
): Promise<T> {
  const job = randomUUID();
  let last = '';
  const show = () => {
    const progress = jobProgress(job);
    const line = progress ? describeJob(progress) : '';
    if (line && line !== last) process.stderr.write(`${label}: ${line}\n`);
    last = line || last;
  };
  const timer = setInterval(show, 250);
  const stop = () => {
    if (cancelJob(job)) process.stderr.write(`${label}: cancelling…\n`);
  };
  process.on('SIGINT', stop);
  try {
    return await work(job);
  } finally {
    clearInterval(timer);
    show();
    process.off('SIGINT', stop);
  }
}
