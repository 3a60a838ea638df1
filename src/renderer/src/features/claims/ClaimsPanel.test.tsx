// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Claim, ClaimId, DocumentId } from '../../../../shared/model';
import { ActionsProvider } from '../../actions/context';
import { ActionRegistry } from '../../actions/registry';
import { createQueryClient } from '../../query/client';
import { EntityContext, type EntityStore } from '../entities/store';
import { ClaimsPanel } from './ClaimsPanel';

// the editor's side panels (relations, grades) ask the backend for lists: none here
vi.mock('../../api', () => ({
  isDesktop: () => false,
  invoke: vi.fn(async () => []),
}));

const claim = (n: number, text: string): Claim => ({
  id: `clm_${n.toString(16).padStart(8, '0')}` as ClaimId,
  documentId: 'doc_00000001' as DocumentId,
  spans: [{ start: n * 100, end: n * 100 + text.length, exact: text, prefix: '', suffix: '' }],
  statement: text,
  claimantId: null,
  subjectIds: [],
  type: 'other',
  stance: 'asserts',
  certainty: null,
  hedges: [],
  eventDate: null,
  placeId: null,
  tags: [],
  note: '',
  status: 'draft',
  createdAt: '',
  updatedAt: '',
});
const claims = [claim(1, 'Riot in Khujand prison'), claim(2, 'At least 27 deaths')];

const store: EntityStore = {
  list: [],
  byId: new Map(),
  vocabulary: { entity_kind: ['person'], claim_type: ['other'] },
  pending: 0,
  changed: () => {},
  create: async () => {
    throw new Error('no entities are made here');
  },
  recent: [],
  used: () => {},
};

function Panel() {
  const [selectedId, setSelectedId] = useState<ClaimId | null>(null);
  return (
    <ClaimsPanel
      claims={claims}
      pages={[]}
      selectedId={selectedId}
      onSelect={setSelectedId}
      onSaved={() => {}}
      onDelete={() => {}}
    />
  );
}

function setup() {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ActionsProvider registry={new ActionRegistry()}>
        <EntityContext value={store}>
          <Panel />
        </EntityContext>
      </ActionsProvider>
    </QueryClientProvider>,
  );
  const list = screen.getByRole('listbox', { name: 'Claims' });
  return { list, options: within(list).getAllByRole('option') };
}

const key = (key: string) =>
  act(() => {
    fireEvent.keyDown(document.activeElement ?? document.body, { key });
  });

afterEach(cleanup);

describe('the claims panel list (issue 15, defect 4)', () => {
  it('is a listbox of options in text order, one tab stop, none selected at first', () => {
    const { options } = setup();
    expect(options.map((o) => o.textContent)).toEqual([
      'Riot in Khujand prison',
      'At least 27 deaths',
    ]);
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'false']);
    expect(options.map((o) => o.tabIndex)).toEqual([0, -1]);
  });

  it('moves with the arrows, selects with Enter, and opens the editor as a region after the list', () => {
    const { list, options } = setup();
    act(() => options[0]!.focus());
    key('ArrowDown');
    expect(document.activeElement).toBe(options[1]);
    key('Enter');
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    expect(options[0]!.getAttribute('aria-selected')).toBe('false');
    // the editor is not inside an option (a listbox holds no fields) but follows the list
    const editor = screen.getByRole('region', { name: 'Selected claim' });
    expect(list.contains(editor)).toBe(false);
    expect(within(editor).getByRole('textbox', { name: /Statement/ })).toHaveProperty(
      'value',
      'At least 27 deaths',
    );
    expect(list.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // the selected option is the list's tab stop
    expect(options.map((o) => o.tabIndex)).toEqual([-1, 0]);
  });

  it('selects with a click and with Space', () => {
    const { options } = setup();
    fireEvent.click(options[0]!);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    act(() => options[1]!.focus());
    key(' ');
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    expect(options[0]!.getAttribute('aria-selected')).toBe('false');
    expect(screen.getAllByRole('region', { name: 'Selected claim' })).toHaveLength(1);
  });
});
