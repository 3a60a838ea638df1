import { formatPageRange } from '../../../../shared/pages';
import { memo } from 'react';
import type { ClaimTableRow } from '../../../../shared/api-search';
import { gradeDescription, gradeText } from '../../../../shared/grading';
import { supportText } from '../analysis/format';
import { dragClaim } from '../notebook/dragClaim';

interface Props {
  row: ClaimTableRow;
  tabIndex: number;
  lastOpened: boolean;
  onOpen: (row: ClaimTableRow) => void;
}

const HEDGED = new Set(['alleged', 'disputed']);

/** One claim. Long text is clamped to two lines; the full text is in the cell's title. */
export const TableRow = memo(function TableRow({ row, tabIndex, lastOpened, onOpen }: Props) {
  const subjects = row.subjects.map((s) => s.name).join('; ');
  const support = supportText(row.support);
  const grade = gradeText(row.grade);
  return (
    <tr
      className={`ct-row${lastOpened ? ' is-last-opened' : ''}`}
      data-claim-id={row.id}
      tabIndex={tabIndex}
      aria-current={lastOpened ? 'true' : undefined}
      draggable
      onDragStart={(e) => dragClaim(e, row.id, row.statement)}
      onDoubleClick={() => onOpen(row)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) {
          e.preventDefault();
          onOpen(row);
        }
      }}
    >
      <td title={row.statement}>
        <span className="ct-clamp">
          {row.stance !== 'asserts' && <span className="ct-stance">{row.stance}</span>}
          {row.statement}
        </span>
      </td>
      <td title={row.quote}>
        <span className="ct-clamp ct-quote">{row.quote}</span>
      </td>
      <td title={row.documentTitle}>
        <span className="ct-clamp">{row.documentTitle}</span>
      </td>
      <td className="ct-num">{formatPageRange(row.pages)}</td>
      <td title={row.claimant?.name}>
        <span className="ct-clamp">{row.claimant?.name ?? ''}</span>
      </td>
      <td title={subjects}>
        <span className="ct-clamp">{subjects}</span>
      </td>
      <td>
        <span className="ct-one">{row.type}</span>
      </td>
      <td>
        {row.certainty && (
          <span className={`chip${HEDGED.has(row.certainty) ? ' chip-hedge' : ''}`}>
            {row.certainty}
          </span>
        )}
      </td>
      <td className="ct-date">{row.eventDate ?? ''}</td>
      <td title={row.tags.join(', ')}>
        <span className="ct-tags">
          {row.tags.map((t) => (
            <span key={t} className="ct-tag">
              {t}
            </span>
          ))}
        </span>
      </td>
      <td>
        <span className={`ct-status is-${row.status}`}>{row.status}</span>
      </td>
      <td className="ct-num">{row.relationsCount > 0 ? row.relationsCount : ''}</td>
      <td
        title={[
          grade && gradeDescription(row.grade),
          support,
          row.support.circular && 'circular reporting',
        ]
          .filter(Boolean)
          .join('; ')}
      >
        <span className="ct-grade">{grade}</span>
        {support && (
          <span className={`ct-support${row.support.circular ? ' is-circular' : ''}`}>
            {row.support.independentOrigins}/{row.support.supporters}
            {row.support.circular ? ' ⚠' : ''}
          </span>
        )}
      </td>
    </tr>
  );
});
