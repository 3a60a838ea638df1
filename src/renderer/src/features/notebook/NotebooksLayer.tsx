import { useMemo } from 'react';
import type { NotebookId } from '../../../../shared/api-notebooks';
import type { EntityId } from '../../../../shared/model';
import { useNavigate } from '../entities/navigate';
import type { View } from '../shell/globalActions';
import { ViewLayer } from '../shell/ViewLayer';
import { NotebookLinksContext, type NotebookLinks } from './links';
import { NotebooksView } from './NotebooksView';

interface Props {
  view: View;
  openId: NotebookId | null;
  onOpen: (id: NotebookId | null) => void;
  openEntity: (id: EntityId) => void;
  onError: (message: string) => void;
  onStatus: (message: string) => void;
}

/** The notebooks view: its claims open their passage in the reader, its mentions the entity's page. */
export function NotebooksLayer({ view, openId, onOpen, openEntity, onError, onStatus }: Props) {
  const navigate = useNavigate();
  const links = useMemo<NotebookLinks>(
    () => ({
      openPassage: (card) => navigate.toClaim(card.documentId, card.id, card.start, card.end),
      openEntity,
    }),
    [navigate, openEntity],
  );
  return (
    <ViewLayer name="notebooks" current={view} className="notebooks-layer">
      <NotebookLinksContext value={links}>
        <NotebooksView
          active={view === 'notebooks'}
          openId={openId}
          onOpen={onOpen}
          onError={onError}
          onStatus={onStatus}
        />
      </NotebookLinksContext>
    </ViewLayer>
  );
}
