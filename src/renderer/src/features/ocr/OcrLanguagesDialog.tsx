import { useEffect, useId, useRef, useState } from 'react';
import type { OcrLanguage, OcrLanguages, OcrRunOutcome } from '../../../../shared/api-ocr';
import type { DocumentId } from '../../../../shared/model';
import { describeJob } from '../../../../shared/ocr';
import { invoke } from '../../api';
import { plural } from '../../lib/format';
import { Modal } from '../../lib/Modal';
import { errorMessage } from '../shell/useToasts';
import { leaveNotice } from '../workspace/notice';
import './ocr.css';

/** What the languages are chosen for: the workspace's imports, or reading one document again. */
export type OcrTarget =
  { kind: 'defaults' } | { kind: 'document'; id: DocumentId; title: string; languages: string[] };

interface Props {
  target: OcrTarget;
  onClose: () => void;
  /** what happened, for the status line (saving the defaults; a re-run reloads the app) */
  onStatus?: (message: string) => void;
}

const ORIGIN: Record<OcrLanguage['origin'], string> = {
  bundled: 'ships with Claimdesk',
  system: 'installed on this computer',
  workspace: 'added to this workspace',
};

/** How often the dialog asks how far OCR has got (the import panel asks as often). */
const PROGRESS_MS = 300;

/**
 * OCR languages, chosen by the researcher: the default for the scans imported from now on, or the
 * languages to read one document's scanned pages again in (its claims and mentions are placed on
 * the new text; those that cannot be are listed and kept, never attached to other text). The one
 * language parser and the re-anchoring live in the backend; this only picks and reports.
 */
export function OcrLanguagesDialog({ target, onClose, onStatus }: Props) {
  const id = useId();
  const [known, setKnown] = useState<OcrLanguages | null>(null);
  const [chosen, setChosen] = useState<string[]>(
    target.kind === 'document' ? target.languages : [],
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const job = useRef<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    invoke('ocr.languages', {}).then(
      (found) => {
        setKnown(found);
        if (target.kind === 'defaults') setChosen(found.defaults);
      },
      (e: unknown) => setProblem(errorMessage(e, 'list the OCR languages')),
    );
  }, [target.kind]);

  // the order chosen is the order Tesseract tries them in: a new choice goes last
  const toggle = (code: string) =>
    setChosen((now) => (now.includes(code) ? now.filter((c) => c !== code) : [...now, code]));

  const saveDefaults = async () => {
    try {
      const saved = await invoke('ocr.setDefaults', { languages: chosen.join('+') });
      onStatus?.(`Scans imported from now on are read in ${saved.defaults.join('+')}`);
      onClose();
    } catch (e) {
      setProblem(errorMessage(e, 'save the OCR languages'));
    }
  };

  const runAgain = async (doc: Extract<OcrTarget, { kind: 'document' }>) => {
    const key = crypto.randomUUID();
    job.current = key;
    setProblem(null);
    setRunning('Starting OCR…');
    const timer = setInterval(() => {
      void invoke('jobs.progress', { job: key }).then(
        (p) => p && setRunning(describeJob(p)),
        () => {},
      );
    }, PROGRESS_MS);
    try {
      const outcome = await invoke('ocr.rerun', {
        id: doc.id,
        languages: chosen.join('+'),
        job: key,
      });
      // the document's text changed under every view of it: start over from the backend
      leaveNotice(describeOutcome(outcome));
      window.location.reload();
    } catch (e) {
      setProblem(errorMessage(e, 'read the scanned pages again'));
      setRunning(null);
    } finally {
      clearInterval(timer);
      job.current = null;
    }
  };

  // a .traineddata file: checked by the backend to be Tesseract data, then kept in the workspace
  const addFile = async (file: File) => {
    const code = file.name.replace(/\.traineddata$/i, '');
    try {
      const found = await invoke('ocr.addLanguage', {
        code,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      setKnown(found);
      setProblem(null);
      setChosen((now) => (now.includes(code) ? now : [...now, code]));
    } catch (e) {
      setProblem(errorMessage(e, `add ${file.name}`));
    }
  };

  const cancel = () => {
    if (job.current) void invoke('jobs.cancel', { job: job.current });
    else onClose();
  };

  const title = target.kind === 'defaults' ? 'OCR languages' : 'Read the scan again';
  return (
    <Modal title={title} onClose={() => !running && onClose()} className="ocr-dialog">
      <p className="ocr-intro">
        {target.kind === 'defaults'
          ? 'Pages without a text layer are read by OCR at import, in these languages. Choose every language the scans are written in.'
          : `OCR reads the scanned pages of “${target.title}” again in the languages chosen here. Claims and mentions are placed on the new text; any that cannot be are listed for you and kept.`}
      </p>
      {known === null && !problem && <p role="status">Looking for OCR languages…</p>}
      {known && (
        <fieldset className="ocr-languages" disabled={running !== null}>
          <legend id={`${id}-legend`}>Languages, in the order OCR tries them</legend>
          {known.available.map((l) => (
            <label key={l.code} className="ocr-language">
              <input
                type="checkbox"
                checked={chosen.includes(l.code)}
                onChange={() => toggle(l.code)}
              />
              <span className="ocr-code">{l.code}</span>
              <span className="ocr-origin">{ORIGIN[l.origin]}</span>
              {chosen.includes(l.code) && (
                <span className="ocr-rank">{chosen.indexOf(l.code) + 1}</span>
              )}
            </label>
          ))}
          <p className="ocr-note">
            More languages: install Tesseract’s data (e.g.{' '}
            <code>apt install tesseract-ocr-uzb</code>), or add a <code>.traineddata</code> file
            named by its language (<code>kaz.traineddata</code>); it is kept in this workspace.
          </p>
          <button
            type="button"
            className="btn btn-small ocr-add"
            onClick={() => fileInput.current?.click()}
          >
            Add a language file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".traineddata"
            hidden
            aria-label="Tesseract language file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void addFile(file);
            }}
          />
        </fieldset>
      )}
      {running && (
        <p className="ocr-progress" role="status">
          {running}
        </p>
      )}
      {problem && (
        <p className="ocr-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="btn" onClick={cancel}>
          {running ? 'Stop' : 'Cancel'}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={chosen.length === 0 || running !== null || known === null}
          onClick={() => (target.kind === 'defaults' ? void saveDefaults() : void runAgain(target))}
        >
          {target.kind === 'defaults' ? 'Save' : `Read again in ${chosen.join('+') || '…'}`}
        </button>
      </div>
    </Modal>
  );
}

/** "Read 3 pages again in eng+rus: 12 claims and mentions kept; 1 could not be placed: …" */
export function describeOutcome(outcome: OcrRunOutcome): string {
  const head = `Read ${plural(outcome.pages, 'page')} again in ${outcome.languages.join('+')}: ${plural(outcome.kept, 'claim or mention', 'claims and mentions')} kept in place`;
  if (outcome.orphans.length === 0) return `${head}.`;
  const quotes = outcome.orphans
    .slice(0, 3)
    .map((o) => `“${o.quote.slice(0, 60)}${o.quote.length > 60 ? '…' : ''}”`)
    .join(', ');
  return `${head}; ${plural(outcome.orphans.length, 'could not be placed', 'could not be placed')} and ${outcome.orphans.length === 1 ? 'is' : 'are'} kept, tagged ocr-orphan: ${quotes}${outcome.orphans.length > 3 ? ', …' : ''}.`;
}

/** The library's "OCR languages…": the languages scans are read in at import. */
export function OcrLanguagesButton({ onStatus }: { onStatus: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="library-tool">
      <button
        type="button"
        className="btn btn-ghost btn-small"
        title="The languages OCR reads scanned pages in at import"
        onClick={() => setOpen(true)}
      >
        OCR languages…
      </button>
      {open && (
        <OcrLanguagesDialog
          target={{ kind: 'defaults' }}
          onClose={() => setOpen(false)}
          onStatus={onStatus}
        />
      )}
    </div>
  );
}
