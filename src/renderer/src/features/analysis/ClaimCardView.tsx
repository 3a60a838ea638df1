import type { DragEvent, KeyboardEvent, Ref } from 'react';
import type { ClaimCard } from '../../../../shared/api-analysis';
import { circularText, gradeBadge, supportText } from './format';

interface Props {
  card: ClaimCard;
  selected?: boolean;
  linking?: boolean;
  tabIndex?: number;
  cardRef?: Ref<HTMLElement>;
  onOpen: (card: ClaimCard) => void;
  onFocus?: () => void;
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
  onDragStart?: (e: DragEvent<HTMLElement>) => void;
  onDrop?: (e: DragEvent<HTMLElement>) => void;
}

/** One claim on the board or in a list: quote, source, pages, grade, date and support. */
export function ClaimCardView(props: Props) {
  const { card } = props;
  const badge = gradeBadge(card);
  const support = supportText(card.corroboration);
  const circular = circularText(card.corroboration);
  return (
    <article
      ref={props.cardRef}
      className={`claim-card${props.selected ? ' is-selected' : ''}${props.linking ? ' is-linking' : ''}`}
      tabIndex={props.tabIndex ?? 0}
      aria-label={`${card.statement} — ${card.documentTitle}`}
      data-claim-id={card.id}
      draggable={!!props.onDragStart}
      onFocus={props.onFocus}
      onKeyDown={props.onKeyDown}
      onDragStart={props.onDragStart}
      onDragOver={props.onDrop ? (e) => e.preventDefault() : undefined}
      onDrop={props.onDrop}
      onDoubleClick={() => props.onOpen(card)}
    >
      <header className="claim-card-head">
        <span className="grade-badge" title={badge.title} aria-label={badge.title}>
          {badge.text}
        </span>
        {card.eventDate && <time className="claim-card-date">{card.eventDate}</time>}
        <span className="claim-card-stance">{card.stance}</span>
      </header>
      <blockquote className="claim-card-quote">{card.quote || card.statement}</blockquote>
      {card.statement !== card.quote && <p className="claim-card-statement">{card.statement}</p>}
      <footer className="claim-card-source">
        <button type="button" className="link-btn" tabIndex={-1} onClick={() => props.onOpen(card)}>
          {card.documentTitle}
          {card.pages ? `, p. ${card.pages}` : ''}
        </button>
        {card.claimant && <span> · {card.claimant.name}</span>}
        {card.publishedDate && <span> · published {card.publishedDate}</span>}
      </footer>
      {(support || circular) && (
        <p className="claim-card-support">
          {support}
          {circular && (
            <span className="circular" title={circular}>
              {' '}
              ⚠ {circular}
            </span>
          )}
        </p>
      )}
    </article>
  );
}
