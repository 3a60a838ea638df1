import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useState, useEffect, useRef } from 'react';
import type { RelatedClaim } from '../../../../shared/api-entities';
import type { Claim } from '../../../../shared/model';
import { actionHint, useAction } from '../../actions/ActionButton';
import { invoke } from '../../api';
import { claimsChanged } from '../../query/invalidate';
import { keys } from '../../query/keys';
import { excerpt } from '../claims/fields';
import { useNavigate } from '../entities/navigate';
import { relationLabel } from './kinds';
import { LinkClaimPicker } from './LinkClaimPicker';
import './relations.css';

/**
 * The selected claim's links to other claims, in any document: kind, statement and document; a
 * click opens the other claim. "Link claim" finds another one to link.
 */
export function ClaimRelations({
  claim,
  picking,
  onPicking,
}: {
  claim: Claim;
  /** the picker is open: the claims panel owns this, so its L action can open it */
  picking: boolean;
  onPicking: (on: boolean) => void;
}) {
  const headingId = useId();
  const navigate = useNavigate();
  const linkAction = useAction('claim.link');
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: keys.relations(claim.id),
    queryFn: () => invoke('relations.list', { claimId: claim.id }),
  });
  const related: RelatedClaim[] | null = query.data ?? null;
  const [problem, setProblem] = useState<string | null>(null);
  const shownProblem = problem ?? (query.error ? query.error.message : null);

  // the picker closed (linked, or Escape): the focus comes back to "Link claim", not to the body,
  // where the next letter typed would be a shortcut (issue 15: "e" → "Select a passage first")
  const linkButton = useRef<HTMLButtonElement>(null);
  const wasPicking = useRef(picking);
  useEffect(() => {
    if (wasPicking.current && !picking) linkButton.current?.focus();
    wasPicking.current = picking;
  }, [picking]);

  // both claims' relations, the table's Rel. column, and entity pages' counts
  const changed = useCallback(() => void claimsChanged(qc), [qc]);

  const remove = async (r: RelatedClaim) => {
    try {
      await invoke('relations.delete', { id: r.relation.id });
      changed();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };

  return (
    <section className="relations" aria-labelledby={headingId}>
      <div className="relations-head">
        <h3 className="field-label" id={headingId}>
          Related claims
        </h3>
        {!picking && (
          <button
            ref={linkButton}
            type="button"
            className="btn btn-ghost btn-small"
            {...actionHint(linkAction)}
            onClick={() => onPicking(true)}
          >
            Link claim
          </button>
        )}
      </div>
      {picking && (
        <LinkClaimPicker
          claimId={claim.id}
          onClose={() => onPicking(false)}
          onLink={async (other, kind) => {
            await invoke('relations.create', {
              fromClaimId: claim.id,
              toClaimId: other.claim.id,
              kind,
            });
            onPicking(false);
            changed();
          }}
        />
      )}
      {related && related.length > 0 && (
        <ul className="relation-list" aria-label="Related claims">
          {related.map((r) => (
            <li key={r.relation.id} className="relation" data-kind={r.relation.kind}>
              <button
                type="button"
                className="relation-open"
                title="Open this claim"
                onClick={() => navigate.toClaim(r.other.documentId, r.other.id)}
              >
                <span className="relation-kind">{relationLabel(r)}</span>
                <span className="relation-statement">{excerpt(r.other.statement, 130)}</span>
                <span className="relation-doc">
                  {r.other.documentId === claim.documentId
                    ? 'this document'
                    : r.other.documentTitle}
                </span>
              </button>
              <button
                type="button"
                className="echip-x relation-x"
                aria-label="Remove link"
                title="Remove this link (you can undo)"
                onClick={() => void remove(r)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {related?.length === 0 && !picking && <p className="field-hint">No links yet.</p>}
      {shownProblem && <p className="field-error">{shownProblem}</p>}
    </section>
  );
}
