/**
 * The terminal's view of long imports: "OCR page 3 of 41" on stderr while a scan is read. Ctrl+C
 * is stop-signal.ts's: it cancels every job, this one included, and nothing of the file is stored.
 */
import { randomUUID } from 'node:crypto';
import { jobProgress } from './jobs';
import type { Input, Output } from '../shared/api';
import { describeJob, parseLanguages } from '../shared/ocr';
import type { Backend } from './backend';
import { ORPHAN_TAG } from './ocr/rerun';
import { stopOnSignal } from './stop-signal';

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

/**
 * `claimdesk ocr DOC_ID [--languages tgk+rus] [--password P]`: OCR of the document's scanned pages
 * again (ocr.rerun), progress on stderr as for import, the outcome as one JSON line on stdout,
 * each orphan (a claim or mention the new text does not hold) also named on stderr. Ctrl+C stops
 * the run and nothing changes. Exit status 1 when something was orphaned, so scripts notice.
 */
export async function ocrCommand(
  backend: Backend,
  id: string | undefined,
  options: { languages?: string; password?: string },
): Promise<number> {
  const fail = (message: string) => (process.stderr.write(`claimdesk: ${message}\n`), 1);
  if (!id) return fail('Usage: claimdesk ocr <document-id> [--languages eng+rus]');
  if (options.languages !== undefined) {
    const parsed = parseLanguages(options.languages);
    if ('problem' in parsed) return fail(parsed.problem);
  }
  const stopping = stopOnSignal({ closeNow: () => backend.close() });
  try {
    const result = await withProgress(id, (job) =>
      backend.registry.call('ocr.rerun', {
        id,
        ...(options.languages ? { languages: options.languages } : {}),
        ...(options.password ? { password: options.password } : {}),
        job,
      } as Input<'ocr.rerun'>),
    );
    if (!result.ok) {
      if (stopping.signal.aborted) {
        process.stderr.write('claimdesk: stopped; the document is unchanged.\n');
        return stopping.exitCode() ?? 1;
      }
      return fail(result.error.message);
    }
    const outcome = result.value as Output<'ocr.rerun'>;
    process.stdout.write(
      `${JSON.stringify({
        documentId: outcome.document.id,
        pages: outcome.pages,
        languages: outcome.languages.join('+'),
        kept: outcome.kept,
        orphans: outcome.orphans,
        dismissalsDropped: outcome.dismissalsDropped,
      })}\n`,
    );
    for (const orphan of outcome.orphans) {
      process.stderr.write(
        `claimdesk: ${orphan.kind} ${orphan.id} not found in the new text (tagged ${ORPHAN_TAG} ` +
          `if a claim): "${orphan.quote.slice(0, 80)}"\n`,
      );
    }
    return outcome.orphans.length > 0 ? 1 : 0;
  } finally {
    stopping.dispose();
  }
}
