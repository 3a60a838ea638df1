import type { ClaimCard } from '../../../../shared/api-analysis';
import { RELATION_KINDS, type RelationKind } from '../../../../shared/model';
import { OUTGOING } from '../relations/kinds';
import { short } from './BoardLayout';

/** After a card is dropped on another: which kind of link it makes (the first kind has focus). */
export function LinkChoice({
  from,
  to,
  onPick,
  onCancel,
}: {
  from: ClaimCard;
  to: ClaimCard;
  onPick: (kind: RelationKind) => void;
  onCancel: () => void;
}) {
  return (
    <div className="link-choice" role="dialog" aria-label="Kind of link">
      <p>
        “{short(from.statement)}” … “{short(to.statement)}”
      </p>
      {RELATION_KINDS.map((k, i) => (
        <button
          key={k}
          type="button"
          className="btn btn-small"
          autoFocus={i === 0}
          onClick={() => onPick(k)}
        >
          {OUTGOING[k]}
        </button>
      ))}
      <button type="button" className="btn btn-ghost btn-small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
