import { useEffect, useId, useState } from 'react';
import type { DocumentId, DocumentSummary } from '../../../../shared/model';
import { invoke } from '../../api';
import { Modal } from '../../lib/Modal';
import { errorMessage } from '../shell/useToasts';
import './metadata.css';
import { announceDocument } from './documentEvents';
import { formFromMeta, metaChanges, type MetaForm } from './metaForm';

interface Props {
  id: DocumentId;
  onClose: () => void;
}

const FIELDS: { key: keyof MetaForm; label: string; hint?: string; multiline?: boolean }[] = [
  { key: 'title', label: 'Title' },
  { key: 'authors', label: 'Authors', hint: 'One per line', multiline: true },
  { key: 'publishedDate', label: 'Publication date', hint: '2018, 2018-11 or 2018-11-07' },
  { key: 'publisher', label: 'Publisher or site' },
  { key: 'sourceUrl', label: 'Source URL', hint: 'http:// or https://' },
  { key: 'language', label: 'Language', hint: 'A language tag such as en or ru' },
];

/** Edits a document's title, authors, date, publisher, source URL and language. */
export function MetadataDialog({ id, onClose }: Props) {
  const [doc, setDoc] = useState<DocumentSummary | null>(null);
  const [form, setForm] = useState<MetaForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const baseId = useId();
  const errorId = `${baseId}-error`;

  useEffect(() => {
    let live = true;
    invoke('documents.get', { id }).then(
      (d) => {
        if (!live) return;
        setDoc(d);
        setForm(formFromMeta(d.meta));
      },
      (e: unknown) => live && setError(errorMessage(e, 'load the document details')),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const save = async () => {
    if (!doc || !form) return;
    const meta = metaChanges(doc.meta, form);
    if (Object.keys(meta).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const updated = await invoke('documents.updateMeta', { id, meta });
      announceDocument(updated);
      onClose();
    } catch (e) {
      setError(errorMessage(e, 'save the document details'));
      setSaving(false);
    }
  };

  // the backend names the fields it refused: "…: meta.sourceUrl: Invalid URL"
  const invalid = new Set(FIELDS.map((f) => f.key).filter((k) => error?.includes(`meta.${k}`)));

  return (
    <Modal title="Document details" onClose={onClose} className="metadata-dialog">
      {form === null ? (
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
          {FIELDS.map(({ key, label, hint, multiline }) => {
            const inputId = `${baseId}-${key}`;
            const props = {
              id: inputId,
              className: multiline ? 'input textarea' : 'input',
              value: form[key],
              'aria-invalid': invalid.has(key) || undefined,
              'aria-describedby': invalid.has(key) ? errorId : undefined,
              onChange: (e: { target: { value: string } }) =>
                setForm((f) => f && { ...f, [key]: e.target.value }),
            };
            return (
              <div key={key} className="metadata-field">
                <label htmlFor={inputId} className="field-label">
                  {label}
                  {hint && <span className="metadata-hint"> · {hint}</span>}
                </label>
                {multiline ? (
                  <textarea rows={3} {...props} />
                ) : (
                  <input
                    type={key === 'sourceUrl' ? 'url' : 'text'}
                    autoFocus={key === 'title'}
                    autoComplete="off"
                    spellCheck={key === 'title' || key === 'publisher'}
                    {...props}
                  />
                )}
              </div>
            );
          })}
          {error && (
            <p id={errorId} className="field-error" role="alert">
              {error}
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
