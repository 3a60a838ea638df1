import type { Input } from '../../../../shared/api';
import type { EntityId } from '../../../../shared/model';
import { BoardView } from './BoardView';
import { NetworkView } from './network/NetworkView';
import { TimelineView } from './timeline/TimelineView';
import './analysis.css';

export const ANALYSIS_VIEWS = ['board', 'timeline', 'network'] as const;
export type AnalysisView = (typeof ANALYSIS_VIEWS)[number];
export type BoardFocus = Input<'analysis.board'>['focus'];

export const ANALYSIS_LABELS: Record<AnalysisView, string> = {
  board: 'Evidence board',
  timeline: 'Timeline',
  network: 'Network',
};

/** The key that brings each view to the front (useGlobalKeys; listed in the help). */
export const ANALYSIS_KEYS: Record<AnalysisView, string> = {
  board: 'B',
  timeline: 'Y',
  network: 'N',
};

interface Props {
  view: string;
  boardFocus: BoardFocus | null;
  onBoardFocus: (focus: BoardFocus) => void;
  onOpenEntity: (id: EntityId) => void;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * The three analysis views as layers of the work area, like the table and the entities: each
 * stays mounted (its zoom, filters and layout survive a trip to the reader), and loads its data
 * only while in front.
 */
export function AnalysisLayers({
  view,
  boardFocus,
  onBoardFocus,
  onOpenEntity,
  onStatus,
  onError,
}: Props) {
  const layer = (name: AnalysisView) => ({
    className: `analysis-layer${view !== name ? ' is-behind' : ''}`,
    inert: view !== name,
    'data-scope': name,
  });
  return (
    <>
      <div {...layer('board')}>
        <BoardView
          focus={boardFocus}
          onFocus={onBoardFocus}
          onStatus={onStatus}
          onError={onError}
        />
      </div>
      <div {...layer('timeline')}>
        <TimelineView active={view === 'timeline'} />
      </div>
      <div {...layer('network')}>
        <NetworkView
          active={view === 'network'}
          onOpenEntity={onOpenEntity}
          onStatus={onStatus}
          onError={onError}
        />
      </div>
    </>
  );
}
