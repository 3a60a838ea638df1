import { useMemo, useState } from 'react';
import type { AnalysisFilter } from '../../../../../shared/api-analysis';
import type { TimelineClaims } from '../../../../../shared/timeline-claims';
import { isoOfEpochDay } from '../../../../../shared/partial-date';
import { EntityCombobox } from '../../entities/EntityCombobox';
import type { EntityRef } from '../../entities/options';
import { useNavigate } from '../../entities/navigate';
import { errorMessage } from '../../shell/useToasts';
import { AnalysisFilters } from '../AnalysisFilters';
import { ClaimCardView } from '../ClaimCardView';
import { useCards, useTimeline } from '../queries';
import { TimelineCanvas } from './TimelineCanvas';

interface Props {
  active: boolean;
}

const PAGE = 50;

/** "2015-05-01 – 2015-05-31", or one day */
export function spanText(start: number, end: number): string {
  const first = isoOfEpochDay(start);
  const last = isoOfEpochDay(end - 1);
  return first === last ? first : `${first} – ${last}`;
}

/** Claims on a time axis, with a table of the same claims for keyboard and screen reader users. */
export function TimelineView({ active }: Props) {
  const [filter, setFilter] = useState<AnalysisFilter>({});
  const [entity, setEntity] = useState<EntityRef | null>(null);
  const effective = useMemo(
    () => (entity ? { ...filter, entityId: entity.id } : filter),
    [filter, entity],
  );
  const timeline = useTimeline(effective, active);
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const [selected, setSelected] = useState<number | null>(null);
  const navigate = useNavigate();
  const data = timeline.data;
  const selectedId = data && selected !== null ? data.claimIds[selected] : undefined;
  const selectedCards = useCards(selectedId ? [selectedId] : []);
  const openIndex = async (i: number) => {
    const id = data?.claimIds[i];
    if (!id) return;
    const card = selectedCards.data?.find((c) => c.id === id);
    if (card) navigate.toClaim(card.documentId, card.id, card.start, card.end);
    else {
      const doc = data.documents[data.documentIndex[i]!]!;
      navigate.toClaim(doc.id, id);
    }
  };

  return (
    <section className="analysis-view timeline-view" aria-label="Timeline" data-scope="timeline">
      <header className="analysis-toolbar">
        <div className="board-focus">
          <EntityCombobox
            label="Entity"
            placeholder="Any entity…"
            allowCreate={false}
            values={entity ? [entity] : []}
            onChange={(values) =>
              setEntity(
                values[0] ? { id: values[0].id, name: values[0].name, kind: values[0].kind } : null,
              )
            }
          />
        </div>
        <AnalysisFilters
          filter={filter}
          onChange={setFilter}
          show={['grade', 'date', 'tag', 'type']}
        />
        <div className="segmented" role="group" aria-label="Show as">
          <button type="button" aria-pressed={mode === 'chart'} onClick={() => setMode('chart')}>
            Chart
          </button>
          <button type="button" aria-pressed={mode === 'table'} onClick={() => setMode('table')}>
            Table
          </button>
        </div>
      </header>
      {timeline.isError && <p role="alert">{errorMessage(timeline.error, 'load the timeline')}</p>}
      {data && (
        <p className="analysis-help">
          {data.claimIds.length.toLocaleString()} dated claims
          {data.undated > 0
            ? ` (${data.undated.toLocaleString()} without an event date are not shown)`
            : ''}
          . Types:{' '}
          {data.types.map((t, i) => (
            <span key={t} className={`legend legend-${i % 6}`}>
              {t}
            </span>
          ))}
        </p>
      )}
      {data && mode === 'chart' && (
        <div className="timeline-body">
          <TimelineCanvas
            data={data}
            selected={selected}
            onSelect={setSelected}
            onOpen={(i) => void openIndex(i)}
          />
          {selectedCards.data?.[0] && (
            <aside className="timeline-selected" aria-label="Selected claim">
              <ClaimCardView
                card={selectedCards.data[0]}
                onOpen={(c) => navigate.toClaim(c.documentId, c.id, c.start, c.end)}
              />
            </aside>
          )}
        </div>
      )}
      {data && mode === 'table' && <TimelineTable data={data} />}
    </section>
  );
}

function TimelineTable({ data }: { data: TimelineClaims }) {
  const [page, setPage] = useState(0);
  // the claims arrive in time order (Timeline): the table pages through them as they are
  const total = data.claimIds.length;
  const rows = Array.from(
    { length: Math.max(0, Math.min(PAGE, total - page * PAGE)) },
    (_, k) => page * PAGE + k,
  );
  const cards = useCards(rows.map((i) => data.claimIds[i]!));
  const byId = new Map((cards.data ?? []).map((c) => [c.id as string, c]));
  const navigate = useNavigate();
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return (
    <div className="timeline-table">
      <table className="analysis-table">
        <caption>
          Claims by event date, {page * PAGE + 1}–{Math.min(total, (page + 1) * PAGE)} of{' '}
          {total.toLocaleString()}
        </caption>
        <thead>
          <tr>
            <th scope="col">Happened</th>
            <th scope="col">Reported</th>
            <th scope="col">Claim</th>
            <th scope="col">Type</th>
            <th scope="col">Grade</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => {
            const id = data.claimIds[i]!;
            const card = byId.get(id);
            const doc = data.documents[data.documentIndex[i]!]!;
            return (
              <tr key={id}>
                <td>{spanText(data.eventStart[i]!, data.eventEnd[i]!)}</td>
                <td>
                  {data.publishedStart[i]! >= 0
                    ? spanText(data.publishedStart[i]!, data.publishedEnd[i]!)
                    : '—'}
                </td>
                <td>
                  <button
                    type="button"
                    className="link-btn"
                    onClick={() => navigate.toClaim(doc.id, id, card?.start, card?.end)}
                  >
                    {card?.statement ?? '…'}
                  </button>
                </td>
                <td>{data.types[data.typeIndex[i]!]}</td>
                <td>{data.grades[i] || '—'}</td>
                <td>{doc.title}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="pager">
        <button
          type="button"
          className="btn btn-small"
          disabled={page === 0}
          onClick={() => setPage((p) => p - 1)}
        >
          Previous
        </button>
        <span>
          Page {page + 1} of {pages}
        </span>
        <button
          type="button"
          className="btn btn-small"
          disabled={page + 1 >= pages}
          onClick={() => setPage((p) => p + 1)}
        >
          Next
        </button>
      </div>
    </div>
  );
}
