import { useId } from 'react';
import type { EntityDetail, MentionInfo } from '../../../../shared/api-entities';
import { invoke } from '../../api';
import { excerpt } from '../claims/fields';
import { Context } from '../mentions/SuggestedMentions';
import { errorMessage } from '../shell/useToasts';
import { useNavigate } from './navigate';
import { useEntities } from './store';

/** The claims that name an entity (as claimant, subject or place), each opening its passage. */
export function EntityClaims({ detail }: { detail: EntityDetail }) {
  const navigate = useNavigate();
  const uid = useId();
  return (
    <section className="ent-section" aria-labelledby={`${uid}-claims`}>
      <h3 className="ent-section-title" id={`${uid}-claims`}>
        Claims <span className="pane-count">{detail.claims.length}</span>
      </h3>
      {detail.claims.length === 0 ? (
        <p className="field-hint">
          No claim names {detail.entity.name} as claimant, subject or place.
        </p>
      ) : (
        <ul className="ent-refs" aria-label={`Claims with ${detail.entity.name}`}>
          {detail.claims.map(({ claim, documentTitle, roles }) => (
            <li key={claim.id}>
              <button
                type="button"
                className="ent-ref"
                onClick={() =>
                  navigate.toClaim(
                    claim.documentId,
                    claim.id,
                    claim.spans[0]?.start,
                    claim.spans[0]?.end,
                  )
                }
              >
                <span className="ent-ref-roles">
                  {roles.map((r) => (
                    <span key={r} className="chip">
                      {r}
                    </span>
                  ))}
                </span>
                <span className="ent-ref-text">{excerpt(claim.statement, 200)}</span>
                <span className="ent-ref-doc">{documentTitle}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * An entity's mentions, grouped by document: each opens its passage, and can be removed (with
 * undo).
 */
export function EntityMentions({
  detail,
  onError,
  onUndoable,
}: {
  detail: EntityDetail;
  onError: (message: string) => void;
  onUndoable: (message: string) => void;
}) {
  const store = useEntities();
  const navigate = useNavigate();
  const uid = useId();
  const removeMention = async (m: MentionInfo) => {
    try {
      await invoke('mentions.delete', { id: m.id });
      store.changed();
      onUndoable(`Removed a mention of ${detail.entity.name}`);
    } catch (e) {
      onError(errorMessage(e, 'remove the mention'));
    }
  };
  return (
    <section className="ent-section" aria-labelledby={`${uid}-mentions`}>
      <h3 className="ent-section-title" id={`${uid}-mentions`}>
        Mentions <span className="pane-count">{detail.mentions.length}</span>
      </h3>
      {detail.mentions.length === 0 && (
        <p className="field-hint">
          No mentions yet. Select the name in a document and press <kbd>E</kbd>, or accept suggested
          mentions.
        </p>
      )}
      {groupByDocument(detail.mentions).map(([title, list]) => (
        <div key={list[0]!.documentId} className="ent-doc">
          <h4 className="sugg-doc-title">{title}</h4>
          <ul className="ent-refs" aria-label={`Mentions in ${title}`}>
            {list.map((m) => (
              <li key={m.id} className="ent-mention">
                <button
                  type="button"
                  className="ent-ref"
                  onClick={() => navigate.toPassage(m.documentId, m.anchor.start, m.anchor.end)}
                >
                  <Context c={m.anchor} kind={detail.entity.kind} />
                </button>
                <button
                  type="button"
                  className="echip-x"
                  aria-label="Remove mention"
                  title="Remove this mention (you can undo)"
                  onClick={() => void removeMention(m)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function groupByDocument(mentions: readonly MentionInfo[]): [string, MentionInfo[]][] {
  const groups = new Map<string, MentionInfo[]>();
  for (const m of mentions) groups.set(m.documentId, [...(groups.get(m.documentId) ?? []), m]);
  return [...groups.values()].map((list) => [list[0]!.documentTitle, list]);
}
