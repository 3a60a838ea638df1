import type { Claim } from '../../../../shared/model';
import { ClaimRoles } from '../entities/ClaimRoles';
import { excerpt } from './fields';

interface Props {
  claim: Claim;
  /** the claim's pages as cited ("p. 4", "pp. 4–5"), or '' for documents without pages */
  pageText: string;
}

/** The summary line of a claim: statement, the quoted passage when it differs, and chips. */
export function ClaimSummary({ claim, pageText }: Props) {
  const quote = claim.spans.map((s) => s.exact).join(' … ');
  const paraphrased = claim.statement.trim() !== quote.trim();
  const chips = [
    claim.stance !== 'asserts' ? claim.stance : null,
    claim.type !== 'other' ? claim.type : null,
    claim.certainty,
    ...claim.hedges.map((h) => `“${h}”`),
    claim.eventDate,
    claim.status === 'reviewed' ? '✓ reviewed' : null,
    ...claim.tags.map((t) => `#${t}`),
  ].filter((x): x is string => !!x);
  return (
    <>
      {paraphrased ? (
        <>
          <p className="claim-statement">{excerpt(claim.statement, 220)}</p>
          <blockquote className="claim-quote">{excerpt(quote, 200)}</blockquote>
        </>
      ) : (
        // not yet paraphrased: the statement is the quote, so show it as one
        <p className="claim-statement is-quote">{excerpt(quote, 260)}</p>
      )}
      <ClaimRoles claim={claim} />
      {(chips.length > 0 || pageText !== '') && (
        <p className="claim-chips">
          {pageText !== '' && <span className="chip chip-page">{pageText}</span>}
          {chips.map((c, i) => (
            <span key={i} className={`chip ${c.startsWith('“') ? 'chip-hedge' : ''}`}>
              {c}
            </span>
          ))}
        </p>
      )}
    </>
  );
}
