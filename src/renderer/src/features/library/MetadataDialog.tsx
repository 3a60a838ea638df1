import { Fragment, useEffect, useId, useState } from 'react';
import type { Source } from '../../../../shared/api-sources';
import { CSL_TYPES, cslTypeLabel, type CslField, type CslTextField } from '../../../../shared/csl';
import type { DocumentId, DocumentSummary } from '../../../../shared/model';
import { invoke } from '../../api';
import { Modal } from '../../lib/Modal';
import { errorMessage } from '../shell/useToasts';
import { CreatorsField } from '../sources/CreatorsField';
import { CREATOR_ROLES, cslChanges, formFromCsl, type SourceForm } from '../sources/cslForm';
import '../sources/sources.css';
import './metadata.css';
import { announceDocument } from './documentEvents';

interface Props {
  id: DocumentId;
  onClose: () => void;
}

const TEXT_FIELDS: {
  key: CslTextField | 'issued';
  label: string;
  hint?: string;
  wide?: boolean;
}[] = [
  { key: 'title', label: 'Title', wide: true },
  { key: 'issued', label: 'Publication date', hint: '2018, 2018-11 or 2018-11-07' },
  { key: 'container-title', label: 'Journal, book or site' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'publisher-place', label: 'Place' },
  { key: 'volume', label: 'Volume' },
  { key: 'issue', label: 'Issue' },
  { key: 'page', label: 'Pages', hint: '45-67' },
  { key: 'number', label: 'Number', hint: 'report or arXiv number' },
  { key: 'DOI', label: 'DOI' },
  { key: 'ISBN', label: 'ISBN' },
  { key: 'URL', label: 'Source URL', hint: 'http:// or https://' },
  { key: 'language', label: 'Language', hint: 'en, ru…' },
  { key: 'abstract', label: 'Abstract', wide: true },
];

/**
 * Edits the document's source — the work it is a file of — in every CSL field, with creators as a
 * list. Fields found on import are marked with where they came from until confirmed or edited.
 */
export function MetadataDialog({ id, onClose }: Props) {
  const [doc, setDoc] = useState<DocumentSummary | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [others, setOthers] = useState<Source[]>([]);
  const [files, setFiles] = useState<string[]>([]);
  const [form, setForm] = useState<SourceForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Partial<Record<keyof SourceForm, string>>>({});
  const [saving, setSaving] = useState(false);
  const baseId = useId();
  const errorId = `${baseId}-error`;

  useEffect(() => {
    let live = true;
    (async () => {
      const d = await invoke('documents.get', { id });
      const [s, all, documents] = await Promise.all([
        invoke('sources.get', { id: d.sourceId }),
        invoke('sources.list', {}),
        invoke('documents.list', {}),
      ]);
      if (!live) return;
      setDoc(d);
      setSource(s);
      setForm(formFromCsl(s.csl));
      setOthers(all.filter((o) => o.id !== s.id));
      setFiles(documents.filter((x) => s.documentIds.includes(x.id)).map((x) => x.fileName));
    })().catch((e: unknown) => live && setError(errorMessage(e, 'load the document details')));
    return () => {
      live = false;
    };
  }, [id]);

  /** After a change to the source: the document's new summary goes to the library and reader. */
  const finish = async () => announceDocument(await invoke('documents.get', { id }));

  const save = async () => {
    if (!source || !form) return;
    const { patch, problems: found } = cslChanges(source.csl, form);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(patch).length === 0) return onClose();
    setSaving(true);
    setError(null);
    try {
      await invoke('sources.update', { id: source.id, patch });
      await finish();
      onClose();
    } catch (e) {
      setError(errorMessage(e, 'save the document details'));
      setSaving(false);
    }
  };

  const confirmFound = async () => {
    if (!source) return;
    try {
      setSource(await invoke('sources.confirm', { id: source.id }));
      await finish();
    } catch (e) {
      setError(errorMessage(e, 'confirm the found metadata'));
    }
  };

  const mergeInto = async (target: string) => {
    if (!source || !target) return;
    try {
      await invoke('sources.attach', { documentId: id, sourceId: target as Source['id'] });
      await finish();
      onClose();
    } catch (e) {
      setError(errorMessage(e, 'attach the document'));
    }
  };

  const foundIn = (field: CslField) => {
    const origin = source?.provenance[field];
    return origin && !origin.confirmed ? origin.from : null;
  };
  const unconfirmed = source
    ? Object.values(source.provenance).filter((o) => o && !o.confirmed).length
    : 0;
  // the backend names the fields it refused: "…: patch.URL: Invalid URL"
  const invalid = (key: string) =>
    Boolean(problems[key as keyof SourceForm]) || Boolean(error?.includes(`patch.${key}`));

  const badge = (field: CslField) => {
    const from = foundIn(field);
    return from ? <span className="found-badge">found in {from}</span> : null;
  };

  return (
    <Modal title="Document details" onClose={onClose} className="metadata-dialog">
      {form === null || !source || !doc ? (
        <p className={error ? 'field-error' : 'modal-note'} role={error ? 'alert' : undefined}>
          {error ?? 'Loading…'}
        </p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {unconfirmed > 0 && (
            <div className="found-note">
              <span>
                {unconfirmed === 1 ? 'One field was' : `${unconfirmed} fields were`} found on
                import. Check them, then confirm.
              </span>
              <button type="button" className="btn btn-small" onClick={() => void confirmFound()}>
                Confirm found metadata
              </button>
            </div>
          )}
          <div className="source-fields">
            <div className="metadata-field">
              <label htmlFor={`${baseId}-type`} className="field-label">
                Type{badge('type')}
              </label>
              <select
                id={`${baseId}-type`}
                className="input select"
                value={form.type}
                onChange={(e) => setForm((f) => f && { ...f, type: e.target.value })}
              >
                {[...new Set([form.type, ...CSL_TYPES])].map((t) => (
                  <option key={t} value={t}>
                    {cslTypeLabel(t)}
                  </option>
                ))}
              </select>
            </div>
            {TEXT_FIELDS.map(({ key, label, hint, wide }) => {
              const inputId = `${baseId}-${key}`;
              const props = {
                id: inputId,
                className: key === 'abstract' ? 'input textarea' : 'input',
                value: form[key],
                'aria-invalid': invalid(key) || undefined,
                'aria-describedby': invalid(key) ? errorId : undefined,
                onChange: (e: { target: { value: string } }) =>
                  setForm((f) => f && { ...f, [key]: e.target.value }),
              };
              return (
                <Fragment key={key}>
                  <div className={`metadata-field${wide ? ' is-wide' : ''}`}>
                    <label htmlFor={inputId} className="field-label">
                      {label}
                      {hint && <span className="metadata-hint"> · {hint}</span>}
                      {badge(key)}
                    </label>
                    {key === 'abstract' ? (
                      <textarea rows={3} {...props} />
                    ) : (
                      <input
                        type={key === 'URL' ? 'url' : 'text'}
                        autoFocus={key === 'title'}
                        autoComplete="off"
                        spellCheck={key === 'title' || key === 'publisher'}
                        {...props}
                      />
                    )}
                  </div>
                  {key === 'title' &&
                    CREATOR_ROLES.map((role) => (
                      <CreatorsField
                        key={role}
                        role={role}
                        rows={form[role]}
                        found={foundIn(role)}
                        onChange={(rows) => setForm((f) => f && { ...f, [role]: rows })}
                      />
                    ))}
                </Fragment>
              );
            })}
          </div>
          <p className="field-label">Files of this work</p>
          <ul className="source-files">
            {files.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
          {others.length > 0 && (
            <div className="metadata-field">
              <label htmlFor={`${baseId}-same`} className="field-label">
                Same work as
                <span className="metadata-hint"> · makes this file one of that source's</span>
              </label>
              <select
                id={`${baseId}-same`}
                className="input select"
                value=""
                onChange={(e) => void mergeInto(e.target.value)}
              >
                <option value="">—</option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.csl.title || o.id}
                  </option>
                ))}
              </select>
            </div>
          )}
          {(error || Object.keys(problems).length > 0) && (
            <p id={errorId} className="field-error" role="alert">
              {error ?? Object.values(problems).join(' ')}
            </p>
          )}
          <div className="modal-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
