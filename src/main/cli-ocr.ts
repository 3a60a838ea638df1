/**
 * The terminal's view of long imports: "OCR page 3 of 41" on stderr while a scan is read. Ctrl+C
 * is stop-signal.ts's: it cancels every job, this one included, and nothing of the file is stored.
 */
import { randomUUID } from 'node:crypto';
import { jobProgress } from './jobs';
import { describeJob } from '../shared/ocr';

/** Runs `work` as a job, printing its progress to stderr. */
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
  try {
    return await work(job);
  } finally {
    clearInterval(timer);
    show();
  }
}
