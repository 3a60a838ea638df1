// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentId, DocumentSummary, SourceId } from '../../../../shared/model';
import { DocumentList } from './DocumentList';
import { libraryRow } from './libraryList';

const summary = (i: number): DocumentSummary => ({
  id: `doc_${i.toString(16).padStart(8, '0')}` as DocumentId,
  sha256: String(i),
  mediaType: 'application/pdf',
  fileName: `report-${i}.pdf`,
  byteSize: 1,
  pageCount: 1,
  meta: {
    title: `Report ${i}`,
    authors: ['Vera Mironova'],
    publishedDate: String(1990 + (i % 30)),
    publisher: null,
    sourceUrl: null,
    language: null,
  },
  sourceId: `src_${i}` as SourceId,
  cslType: 'report',
  creators: ['Mironova'],
  found: [],
  fileDate: null,
  warnings: [],
  importedAt: '',
  updatedAt: '',
  claimCount: i % 3,
});

afterEach(cleanup);

describe('DocumentList', () => {
  const rows = Array.from({ length: 3000 }, (_, i) => libraryRow(summary(i)));

  it('puts a window of 3,000 rows in the DOM, each saying where it is in the whole list', () => {
    render(
      <DocumentList
        rows={rows}
        isSelected={() => false}
        tabStop={rows[0]!.doc.id}
        onSelect={() => {}}
        sort={null}
        onSort={() => {}}
      />,
    );
    const options = within(screen.getByRole('listbox', { name: 'Documents' })).getAllByRole(
      'option',
    );
    expect(options.length).toBeGreaterThan(0);
    expect(options.length).toBeLessThan(50);
    expect(options[0]).toHaveProperty('tabIndex', 0);
    expect(options[0]!.getAttribute('aria-setsize')).toBe('3000');
    expect(options[1]!.getAttribute('aria-posinset')).toBe('2');
    expect(options[0]!.textContent).toContain('Report 0');
    expect(options[0]!.textContent).toContain('Mironova');
    expect(options[0]!.textContent).toContain('1990');
  });

  it('sorts from the header and says which column is sorted', () => {
    const onSort = vi.fn();
    render(
      <DocumentList
        rows={rows.slice(0, 5)}
        isSelected={() => false}
        tabStop={undefined}
        onSelect={() => {}}
        sort={{ key: 'year', dir: 'desc' }}
        onSort={onSort}
      />,
    );
    const year = screen.getByRole('columnheader', { name: /Year/ });
    expect(year.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: /Title/ }).hasAttribute('aria-sort')).toBe(
      false,
    );
    fireEvent.click(
      within(screen.getByRole('columnheader', { name: /Creators/ })).getByRole('button'),
    );
    expect(onSort).toHaveBeenCalledWith('creators');
  });

  it('moves focus with the arrow keys and opens with Enter', () => {
    const onSelect = vi.fn();
    render(
      <DocumentList
        rows={rows.slice(0, 5)}
        isSelected={() => false}
        tabStop={rows[0]!.doc.id}
        onSelect={onSelect}
        sort={null}
        onSort={() => {}}
      />,
    );
    const options = screen.getAllByRole('option');
    options[0]!.focus();
    fireEvent.keyDown(options[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(options[1]);
    fireEvent.keyDown(options[1]!, { key: 'End' });
    expect(document.activeElement).toBe(options[4]);
    fireEvent.keyDown(options[4]!, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(rows[4]!.doc.id, expect.anything());
  });
});
