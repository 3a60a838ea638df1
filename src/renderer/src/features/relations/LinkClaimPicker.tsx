import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ClaimSearchHit } from '../../../../shared/api-entities';
import { RELATION_KINDS, type ClaimId, type RelationKind } from '../../../../shared/model';
import { invoke } from '../../api';
import { excerpt } from '../claims/fields';
import { moveActive } from '../entities/options';
import { KIND_HINT, OUTGOING } from './kinds';

interface Props {
  claimId: ClaimId;
  onLink: (other: ClaimSearchHit, kind: RelationKind) => Promise<void>;
  onClose: () => void;
}

const DEBOUNCE_MS = 120;

/**
 * Finds another claim to link (by its statement or quote, an entity it names, or its document's
 * title; in any document) and the kind of link. Enter links the active claim.
 */
export function LinkClaimPicker({ claimId, onLink, onClose }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<RelationKind>('supports');
  const [found, setFound] = useState<{ query: string; hits: ClaimSearchHit[] }>({
    query: '',
    hits: [],
  });
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') return;
    let live = true;
    const timer = setTimeout(() => {
      invoke('claims.search', { query: trimmed, excludeClaimId: claimId, limit: 12 }).then(
        (hits) => live && setFound({ query: trimmed, hits }),
        (e: unknown) => live && setProblem((e as Error).message),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [trimmed, claimId]);

  const hits = trimmed === '' ? [] : found.hits;
  const link = async (hit: ClaimSearchHit | undefined) => {
    if (!hit || busy) return;
    setBusy(true);
    try {
      await onLink(hit, kind);
    } catch (e) {
      setProblem((e as Error).message);
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(moveActive(active, hits.length, e.key));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void link(hits[active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  const listId = `${id}-list`;
  return (
    <div
      className="link-picker"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="link-kinds" role="radiogroup" aria-label="Kind of link">
        {RELATION_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={kind === k}
            className={`link-kind${kind === k ? ' is-on' : ''}`}
            title={KIND_HINT[k]}
            tabIndex={kind === k ? 0 : -1}
            onClick={() => setKind(k)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              e.preventDefault();
              const i = RELATION_KINDS.indexOf(kind);
              const next =
                RELATION_KINDS[
                  (i + (e.key === 'ArrowRight' ? 1 : -1) + RELATION_KINDS.length) %
                    RELATION_KINDS.length
                ] ?? 'supports';
              setKind(next);
              (
                e.currentTarget.parentElement?.children[RELATION_KINDS.indexOf(next)] as
                  HTMLElement | undefined
              )?.focus();
            }}
          >
            {OUTGOING[k]}
          </button>
        ))}
      </div>
      <input
        className="input"
        role="combobox"
        aria-label="Find a claim to link"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? `${id}-${hits[active].claim.id}` : undefined}
        placeholder="Words, an entity, or a document title"
        autoComplete="off"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Claims to link" className="link-results">
        {hits.map((h, i) => (
          <li
            key={h.claim.id}
            id={`${id}-${h.claim.id}`}
            role="option"
            aria-selected={i === active}
            className={`link-result${i === active ? ' is-active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== active && setActive(i)}
            onClick={() => void link(h)}
          >
            <span className="link-statement">{excerpt(h.claim.statement, 150)}</span>
            <span className="link-doc">{h.documentTitle}</span>
          </li>
        ))}
        {trimmed !== '' && found.query === trimmed && hits.length === 0 && (
          <li className="link-empty" aria-disabled="true">
            No other claim matches.
          </li>
        )}
      </ul>
      {problem && <p className="field-error">{problem}</p>}
      <p className="field-hint">
        <kbd>↑</kbd>
        <kbd>↓</kbd> choose, <kbd>Enter</kbd> links as <strong>{OUTGOING[kind]}</strong>,{' '}
        <kbd>Esc</kbd> closes
      </p>
    </div>
  );
}
