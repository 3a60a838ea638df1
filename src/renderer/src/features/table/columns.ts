import type { ClaimColumn } from '../../../../shared/api-search';

export interface Column {
  key: ClaimColumn;
  label: string;
  /** a shorter header where space is tight; the full label stays the accessible name */
  short?: string;
  /** a class on the <col>, which sets the width */
  className: string;
}

/** The table's columns, in order (the list). */
export const COLUMNS: readonly Column[] = [
  { key: 'statement', label: 'Statement', className: 'col-statement' },
  { key: 'quote', label: 'Quote', className: 'col-quote' },
  { key: 'document', label: 'Document', className: 'col-document' },
  { key: 'page', label: 'Page', short: 'p.', className: 'col-page' },
  { key: 'claimant', label: 'Claimant', className: 'col-claimant' },
  { key: 'subjects', label: 'Subjects', className: 'col-subjects' },
  { key: 'type', label: 'Type', className: 'col-type' },
  { key: 'certainty', label: 'Certainty', className: 'col-certainty' },
  { key: 'eventDate', label: 'Event date', short: 'Date', className: 'col-date' },
  { key: 'tags', label: 'Tags', className: 'col-tags' },
  { key: 'status', label: 'Status', className: 'col-status' },
  { key: 'relations', label: 'Relations', short: 'Rel.', className: 'col-relations' },
  { key: 'grade', label: 'Grade', className: 'col-grade' },
];
