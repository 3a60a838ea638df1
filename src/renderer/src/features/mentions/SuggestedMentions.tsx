import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import type { MentionCandidate, MentionSuggestions } from '../../../../shared/api-entities';
import { invoke } from '../../api';
import { keys } from '../../query/keys';
import { plural } from '../../lib/format';
import { useNavigate } from '../entities/navigate';
import { useEntities } from '../entities/store';
import { errorMessage } from '../shell/useToasts';
import { placeIn } from '../../../../shared/source-groups';
import { FileChoice } from '../sources/FileChoice';
import { fileFor, useChosenFiles } from '../sources/chosenFile';
import { candidateKey, groupCandidates, refsOf } from './group';
import './mentions.css';

/** Enough to review in one sitting; "Accept all" takes these, and the next batch then loads. */
const LIMIT = 500;

interface Props {
  onStatus: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * Review of the places where an entity's name or an alias occurs but is not yet marked: grouped by
 * entity and document, with context. Accept all, or one by one; dismissed ones are not offered again.
 */
export function SuggestedMentions({ onStatus, onError }: Props) {
  const store = useEntities();
  const navigate = useNavigate();
  const headingId = useId();
  const query = useQuery({
    queryKey: [...keys.suggestions(), LIMIT],
    queryFn: () => invoke('mentions.suggest', { limit: LIMIT }),
  });
  const data: MentionSuggestions | null = query.data ?? null;
  // decided here but not yet confirmed by a reload: hidden at once, so review never waits
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  // a fresh answer already leaves out what was decided
  useEffect(() => setDone(new Set()), [data]);
  useEffect(() => {
    if (query.error) onError(errorMessage(query.error, 'find suggested mentions'));
  }, [query.error, onError]);

  const open = useMemo(
    () => (data?.candidates ?? []).filter((c) => !done.has(candidateKey(c))),
    [data, done],
  );
  const groups = useMemo(() => groupCandidates(open), [open]);
  const choices = useChosenFiles();
  const hidden = (data?.total ?? 0) - (data?.candidates.length ?? 0);

  const decide = async (list: MentionCandidate[], verb: 'accept' | 'dismiss') => {
    if (list.length === 0) return;
    setDone((d) => new Set([...d, ...list.map(candidateKey)]));
    try {
      if (verb === 'accept') {
        const r = await invoke('mentions.accept', { candidates: list.flatMap(refsOf) });
        onStatus(`Accepted ${plural(r.created.length, 'mention')}`);
      } else {
        const r = await invoke('mentions.dismiss', { candidates: list.flatMap(refsOf) });
        onStatus(`Dismissed ${plural(r.dismissed, 'suggestion')}`);
      }
    } catch (e) {
      const keys = new Set(list.map(candidateKey));
      setDone((d) => new Set([...d].filter((k) => !keys.has(k))));
      onError(errorMessage(e, verb === 'accept' ? 'accept the mentions' : 'dismiss them'));
    } finally {
      store.changed();
    }
  };

  const all = async (verb: 'accept' | 'dismiss') => {
    setBusy(true);
    await decide(open, verb);
    setBusy(false);
  };

  return (
    <section className="suggestions" aria-labelledby={headingId}>
      <header className="ent-page-head">
        <div className="ent-title-row">
          <h2 className="ent-title" id={headingId}>
            Suggested mentions
          </h2>
          <span className="pane-count">
            {data === null ? 'Looking…' : plural(open.length + Math.max(0, hidden), 'suggestion')}
          </span>
        </div>
        <p className="field-hint">
          Places where an entity’s name or one of its aliases occurs in a document but is not yet
          marked (whole words, ignoring case and accents). New documents are scanned on import.
        </p>
        {open.length > 0 && (
          <div className="sugg-actions">
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={busy}
              onClick={() => void all('accept')}
            >
              Accept all
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => void all('dismiss')}
            >
              Dismiss all
            </button>
            {hidden > 0 && (
              <span className="field-hint">
                The first {plural(LIMIT, 'suggestion')}; the rest follow.
              </span>
            )}
          </div>
        )}
      </header>
      {data !== null && open.length === 0 && (
        <p className="pane-empty">
          Nothing to review. Add an entity or an alias, or import a document, and its occurrences
          show up here.
        </p>
      )}
      <div className="sugg-groups">
        {groups.map((g) => {
          const kind = store.byId.get(g.entityId)?.kind ?? 'other';
          const everything = g.works.flatMap((w) => w.hits);
          return (
            <section key={g.entityId} className="sugg-entity" aria-label={g.entityName}>
              <div className="sugg-entity-head">
                <span className="kind-dot" data-kind={kind} aria-hidden="true" />
                <h3 className="sugg-entity-name">{g.entityName}</h3>
                <span className="pane-count">{plural(g.count, 'place')}</span>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={`Accept every suggestion for ${g.entityName}`}
                  onClick={() => void decide(everything, 'accept')}
                >
                  Accept {g.count}
                </button>
              </div>
              {g.works.map((w) => {
                const file = fileFor(w, choices);
                return (
                  <div key={w.sourceId} className="sugg-doc">
                    <div className="sugg-doc-head">
                      <h4 className="sugg-doc-title">{w.title}</h4>
                      <FileChoice group={w} chosen={file} />
                    </div>
                    <ul className="sugg-list" aria-label={`In ${w.title}`}>
                      {w.hits.map((c) => {
                        const at = placeIn(c, file);
                        return (
                          <li key={candidateKey(c)} className="sugg-item">
                            <button
                              type="button"
                              className="sugg-context"
                              title="Show in the document"
                              onClick={() => navigate.toPassage(at.documentId, at.start, at.end)}
                            >
                              <Context c={c} kind={kind} />
                            </button>
                            <div className="sugg-buttons">
                              <button
                                type="button"
                                className="btn btn-small"
                                aria-label={`Accept ${shortContext(c)}`}
                                onClick={() => void decide([c], 'accept')}
                              >
                                Accept
                              </button>
                              <button
                                type="button"
                                className="btn btn-ghost btn-small"
                                aria-label={`Dismiss ${shortContext(c)}`}
                                onClick={() => void decide([c], 'dismiss')}
                              >
                                Dismiss
                              </button>
                            </div>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                );
              })}
            </section>
          );
        })}
      </div>
    </section>
  );
}

/** The candidate in its sentence: the matched words underlined as the mention would be. */
/**
 * A suggestion said in a few words of its context ("…followers of Gulmurod Khalimov (also…"), so
 * a screen reader hears dozens of Accept buttons apart.
 */
export function shortContext(c: Pick<MentionCandidate, 'prefix' | 'exact' | 'suffix'>): string {
  const words = (text: string) => text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const before = words(c.prefix).slice(-3).join(' ');
  const after = words(c.suffix).slice(0, 3).join(' ');
  return `“…${before} ${c.exact} ${after}…”`.replace(/ {2,}/g, ' ');
}

export function Context({
  c,
  kind,
}: {
  c: Pick<MentionCandidate, 'prefix' | 'exact' | 'suffix'>;
  kind: string;
}) {
  return (
    <span className="context">
      <span className="context-side">…{c.prefix.replace(/\s+/g, ' ')}</span>
      <span className="rd-mention context-exact" data-kind={kind}>
        {c.exact}
      </span>
      <span className="context-side">{c.suffix.replace(/\s+/g, ' ')}…</span>
    </span>
  );
}
