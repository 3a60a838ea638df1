import { useMemo, useRef, useState, type DragEvent } from 'react';
import type { AnalysisFilter, ClaimCard } from '../../../../shared/api-analysis';
import type { Input } from '../../../../shared/api';
import type { ClaimId, RelationKind } from '../../../../shared/model';
import { EntityCombobox } from '../entities/EntityCombobox';
import { useNavigate } from '../entities/navigate';
import { OUTGOING } from '../relations/kinds';
import { CLAIM_DRAG_TYPE, dragClaim } from '../notebook/dragClaim';
import { errorMessage } from '../shell/useToasts';
import { AnalysisFilters } from './AnalysisFilters';
import { BOARD_HELP, boardKey } from './board-keys';
import { BoardLayout, short, stanceRows } from './BoardLayout';
import { ClaimCardView } from './ClaimCardView';
import { LinkChoice } from './LinkChoice';
import { useBoard, useRelate, useSetGrade } from './queries';

type Focus = Input<'analysis.board'>['focus'];

interface Props {
  focus: Focus | null;
  onFocus: (focus: Focus) => void;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * The evidence board: every claim about an entity (or connected to a claim), grouped into
 * propositions, the propositions side by side in rows by stance, contradictions marked between
 * them. Cards are graded, linked (keys or drag) and opened from here.
 */
export function BoardView({ focus, onFocus, onStatus, onError }: Props) {
  const [filter, setFilter] = useState<AnalysisFilter>({});
  const board = useBoard(focus, filter);
  const setGrade = useSetGrade();
  const relate = useRelate();
  const navigate = useNavigate();
  const [active, setActive] = useState<string | null>(null);
  const [linkFrom, setLinkFrom] = useState<ClaimCard | null>(null);
  const [dropped, setDropped] = useState<{ from: ClaimCard; to: ClaimCard } | null>(null);
  const cardRefs = useRef(new Map<string, HTMLElement>());
  const data = board.data;
  const rows = useMemo(() => (data ? stanceRows(data) : []), [data]);

  const open = (card: ClaimCard) =>
    navigate.toClaim(card.documentId, card.id, card.start, card.end);
  const link = async (from: ClaimCard, to: ClaimCard, kind: RelationKind) => {
    setLinkFrom(null);
    setDropped(null);
    if (from.id === to.id) return onError('A claim cannot be linked to itself.');
    try {
      await relate.mutateAsync({ fromClaimId: from.id, toClaimId: to.id, kind });
      onStatus(`Linked: “${short(from.statement)}” ${OUTGOING[kind]} “${short(to.statement)}”`);
    } catch (e) {
      onError(errorMessage(e, 'link the claims'));
    }
  };
  const grade = async (
    card: ClaimCard,
    input: Omit<Input<'grades.set'>, 'target' | 'id'>,
    source: boolean,
  ) => {
    try {
      await setGrade.mutateAsync(
        source
          ? { target: 'document', id: card.documentId, ...input }
          : { target: 'claim', id: card.id, ...input },
      );
      onStatus(source ? `Graded the source “${card.documentTitle}”` : 'Graded the claim');
    } catch (e) {
      onError(errorMessage(e, 'grade'));
    }
  };

  const moveFrom = (id: string, dx: number, dy: number) => {
    // columns are the propositions, left to right and row after row; cards go down a column
    const columns = rows.flatMap((r) => r.groups.map((g) => g.claims));
    const col = columns.findIndex((g) => g.some((c) => c.id === id));
    if (col < 0) return;
    const row = columns[col]!.findIndex((c) => c.id === id);
    const nextCol = Math.max(0, Math.min(columns.length - 1, col + dx));
    const target = columns[nextCol]!;
    const next = target[Math.max(0, Math.min(target.length - 1, dx === 0 ? row + dy : row))];
    if (next) cardRefs.current.get(next.id)?.focus();
  };

  return (
    <section className="analysis-view board-view" aria-label="Evidence board" data-scope="board">
      <header className="analysis-toolbar">
        <div className="board-focus">
          <EntityCombobox
            label="Board for"
            placeholder="An entity or event…"
            allowCreate={false}
            values={
              data?.focus.kind === 'entity'
                ? [
                    {
                      id: data.focus.entity.id,
                      name: data.focus.entity.name,
                      kind: data.focus.entity.entityKind,
                    },
                  ]
                : []
            }
            onChange={(values) => {
              const picked = values[0];
              if (picked) onFocus({ entityId: picked.id });
            }}
          />
          {data?.focus.kind === 'claim' && (
            <span className="board-focus-claim">
              Claims connected to “{short(data.focus.statement)}”
            </span>
          )}
        </div>
        <AnalysisFilters
          filter={filter}
          onChange={setFilter}
          show={['grade', 'date', 'document', 'tag']}
        />
      </header>
      <p className="analysis-help" id="board-help">
        {linkFrom
          ? `Linking from “${short(linkFrom.statement)}”: move to another card and press S supports, C contradicts, R repeats, F refines, D derived from, I cites; Esc cancels.`
          : BOARD_HELP}
      </p>
      {!focus && (
        <p className="analysis-empty">
          Choose an entity or an event to lay out every claim about it.
        </p>
      )}
      {board.isError && (
        <p className="analysis-empty" role="alert">
          {errorMessage(board.error, 'load the board')}
        </p>
      )}
      {data && data.total === 0 && <p className="analysis-empty">No claims match.</p>}
      {data && data.total > 0 && (
        <BoardLayout board={data} rows={rows}>
          {(group) =>
            group.claims.map((card) => (
              <ClaimCardView
                key={card.id}
                card={card}
                selected={active === card.id}
                linking={linkFrom?.id === card.id}
                tabIndex={
                  active === card.id || (active === null && card === rows[0]?.groups[0]?.claims[0])
                    ? 0
                    : -1
                }
                cardRef={(el) => {
                  if (el) cardRefs.current.set(card.id, el);
                  else cardRefs.current.delete(card.id);
                }}
                onOpen={open}
                onFocus={() => setActive(card.id)}
                onKeyDown={(e) => {
                  const action = boardKey(e.nativeEvent, linkFrom !== null);
                  if (!action) return;
                  e.preventDefault();
                  e.stopPropagation();
                  switch (action.type) {
                    case 'move':
                      return moveFrom(card.id, action.dx, action.dy);
                    case 'open':
                      return open(card);
                    case 'cancel':
                      return setLinkFrom(null);
                    case 'startLink':
                      return setLinkFrom(card);
                    case 'link':
                      return void (linkFrom && link(linkFrom, card, action.kind));
                    case 'credibility':
                      return void grade(card, { credibility: action.value }, false);
                    case 'reliability':
                      return void grade(card, { reliability: action.value }, true);
                  }
                }}
                onDragStart={(e: DragEvent<HTMLElement>) =>
                  dragClaim(e, card.id as ClaimId, card.statement)
                }
                onDrop={(e: DragEvent<HTMLElement>) => {
                  const fromId = e.dataTransfer.getData(CLAIM_DRAG_TYPE);
                  const from = data.groups.flatMap((g) => g.claims).find((c) => c.id === fromId);
                  if (from && from.id !== card.id) setDropped({ from, to: card });
                }}
              />
            ))
          }
        </BoardLayout>
      )}
      {dropped && (
        <LinkChoice
          from={dropped.from}
          to={dropped.to}
          onPick={(kind) => void link(dropped.from, dropped.to, kind)}
          onCancel={() => setDropped(null)}
        />
      )}
    </section>
  );
}
