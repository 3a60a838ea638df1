import { useEffect, useId, useState } from 'react';
import type { ClaimId } from '../../../../shared/model';
import { invoke } from '../../api';
import { errorMessage } from '../shell/useToasts';
import { useCitationStyle } from './citationStyle';
import './sources.css';

/**
 * "Copy citation": the claim's in-text citation with its page or page range, in the chosen style,
 * put on the clipboard and shown, so it can also be selected by hand where the clipboard is denied.
 */
export function CopyCitation({ claimId }: { claimId: ClaimId }) {
  const id = useId();
  const { styles, style, setStyle } = useCitationStyle();
  const [result, setResult] = useState<{ text: string; copied: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setResult(null), [claimId]);

  const copy = async () => {
    setError(null);
    try {
      const { citation } = await invoke('citations.cite', { claimIds: [claimId], style });
      let copied = false;
      try {
        await navigator.clipboard.writeText(citation);
        copied = true;
      } catch {
        // no clipboard permission (some browsers over http): the text is shown to copy by hand
      }
      setResult({ text: citation, copied });
    } catch (e) {
      setError(errorMessage(e, 'format the citation'));
    }
  };

  return (
    <div className="copy-citation">
      <div className="copy-citation-row">
        <label className="visually-hidden" htmlFor={`${id}-style`}>
          Citation style
        </label>
        <select
          id={`${id}-style`}
          className="input select copy-citation-style"
          value={style}
          onChange={(e) => {
            setStyle(e.target.value);
            setResult(null);
          }}
        >
          {styles.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={() => void copy()}>
          Copy citation
        </button>
      </div>
      {result && (
        <output className="copy-citation-result" aria-live="polite">
          <span className="copy-citation-note">{result.copied ? 'Copied: ' : 'Citation: '}</span>
          <span className="copy-citation-text">{result.text}</span>
        </output>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
