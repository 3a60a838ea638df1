import { useId } from 'react';
import {
  CREDIBILITIES,
  CREDIBILITY_LABELS,
  RELIABILITIES,
  RELIABILITY_LABELS,
  type Credibility,
  type Reliability,
} from '../../../../shared/grading';
import type { Claim } from '../../../../shared/model';
import { errorMessage } from '../shell/useToasts';
import { circularText, gradeBadge, supportText } from './format';
import { useCards, useGrades, useSetGrade } from './queries';

/**
 * The claim's grade and corroboration in the claims panel, with its three inputs: the claim's
 * credibility, its source document's reliability and (when it has one) its claimant's. The grade
 * the claim carries follows the one rule (claimant if graded, else source), shown beside it.
 */
export function ClaimGrading({ claim, onError }: { claim: Claim; onError?: (m: string) => void }) {
  const id = useId();
  const cards = useCards([claim.id]);
  const card = cards.data?.[0];
  const setGrade = useSetGrade();
  const documentGrades = useGrades('document');
  const entityGrades = useGrades('entity');
  const run = (input: Parameters<typeof setGrade.mutateAsync>[0]) =>
    setGrade.mutateAsync(input).catch((e: unknown) => onError?.(errorMessage(e, 'grade')));
  if (!card) return null;
  const badge = gradeBadge(card);
  return (
    <div className="claim-grading" role="group" aria-label="Grade">
      <p className="claim-grading-line">
        <span className="grade-badge" title={badge.title}>
          {badge.text}
        </span>{' '}
        <span>{supportText(card.corroboration) ?? 'No supporting claims yet'}</span>
        {circularText(card.corroboration) && (
          <span className="circular"> ⚠ {circularText(card.corroboration)}</span>
        )}
      </p>
      <div className="claim-grading-fields">
        <label htmlFor={`${id}-cred`}>Credibility</label>
        <select
          id={`${id}-cred`}
          value={card.grade.credibility ?? ''}
          onChange={(e) =>
            void run({
              target: 'claim',
              id: claim.id,
              credibility: e.target.value ? (Number(e.target.value) as Credibility) : null,
            })
          }
        >
          <option value="">not graded</option>
          {CREDIBILITIES.map((c) => (
            <option key={c} value={c}>
              {c} — {CREDIBILITY_LABELS[c]}
            </option>
          ))}
        </select>
        <ReliabilitySelect
          id={`${id}-src`}
          label="Source"
          value={documentGrades.get(claim.documentId) ?? null}
          onChange={(value) =>
            void run({ target: 'document', id: claim.documentId, reliability: value })
          }
        />
        {claim.claimantId && (
          <ReliabilitySelect
            id={`${id}-clt`}
            label="Claimant"
            value={entityGrades.get(claim.claimantId) ?? null}
            onChange={(value) =>
              void run({ target: 'entity', id: claim.claimantId!, reliability: value })
            }
          />
        )}
      </div>
    </div>
  );
}

function ReliabilitySelect(props: {
  id: string;
  label: string;
  value: Reliability | null;
  onChange: (value: Reliability | null) => void;
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value ?? ''}
        onChange={(e) => props.onChange((e.target.value || null) as Reliability | null)}
      >
        <option value="">not graded</option>
        {RELIABILITIES.map((r) => (
          <option key={r} value={r}>
            {r} — {RELIABILITY_LABELS[r]}
          </option>
        ))}
      </select>
    </>
  );
}
