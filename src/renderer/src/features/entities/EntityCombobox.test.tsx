// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entity, EntityId } from '../../../../shared/model';
import { indexEntity, rankEntities } from '../../../../shared/rank-entities';
import { createQueryClient } from '../../query/client';
import { EntityCombobox } from './EntityCombobox';
import type { EntityRef } from './options';
import { EntityContext, type EntityStore } from './store';

let n = 0;
const entity = (name: string, kind: string, aliases: string[] = []): Entity => ({
  id: `ent_${(++n).toString(16).padStart(8, '0')}` as EntityId,
  kind,
  name,
  aliases,
  description: '',
  externalIds: {},
  createdAt: '',
  updatedAt: '',
});
const workspace = [
  entity('Law of the Republic of Tajikistan on Combating Extremism', 'event'),
  entity('US Embassy in Dushanbe', 'organization'),
  entity('Muhammadrahim Abdumannonov', 'person'),
  entity('Gulmurod Khalimov', 'person', ['Gumurod Halimov']),
].map(indexEntity);

// the backend's entities.search, over a small workspace, with the app's one ranking
vi.mock('../../api', () => ({
  isDesktop: () => false,
  invoke: vi.fn(async (method: string, input: { query: string; kind?: string; limit: number }) => {
    if (method !== 'entities.search') throw new Error(`unexpected ${method}`);
    return rankEntities(input.query, workspace, input.kind).slice(0, input.limit);
  }),
}));

const create = vi.fn(async (kind: string, name: string) => entity(name, kind));
const store: EntityStore = {
  list: [],
  byId: new Map(),
  vocabulary: { entity_kind: ['person', 'organization', 'place'], claim_type: [] },
  pending: 0,
  changed: () => {},
  create,
  recent: [],
  used: () => {},
};

function Field({ onChange }: { onChange: (v: EntityRef[]) => void }) {
  const [values, setValues] = useState<EntityRef[]>([]);
  return (
    <EntityCombobox
      label="Claimant"
      values={values}
      tabPicks
      onChange={(v) => {
        setValues(v);
        onChange(v);
      }}
    />
  );
}

function setup() {
  const picked = vi.fn();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <EntityContext value={store}>
        <Field onChange={picked} />
        <button type="button">elsewhere</button>
      </EntityContext>
    </QueryClientProvider>,
  );
  const input = screen.getByRole('combobox', { name: 'Claimant' });
  return { picked, input };
}

/** Types a query and waits until the list answers for it (past the debounce). */
async function type(input: HTMLElement, text: string, expectOption: string | RegExp) {
  act(() => input.focus());
  fireEvent.change(input, { target: { value: text } });
  await waitFor(() => expect(screen.getByRole('option', { name: expectOption })).toBeTruthy());
  // the search answer for exactly this text is in
  await waitFor(() => expect(screen.queryByText('Searching…')).toBeNull());
  await act(() => new Promise((r) => setTimeout(r, 120)));
}

const key = (input: HTMLElement, k: string) => act(() => void fireEvent.keyDown(input, { key: k }));

beforeEach(() => create.mockClear());
afterEach(cleanup);

describe('the entity combobox (defect 1)', () => {
  it('Reuters: a subsequence match is listed but Enter and Tab take nothing, and the text stays', async () => {
    const { picked, input } = setup();
    await type(input, 'Reuters', /Law of the Republic/);
    const law = screen.getByRole('option', { name: /Law of the Republic/ });
    expect(law.getAttribute('aria-selected')).toBe('false');
    key(input, 'Enter');
    key(input, 'Tab');
    act(() => screen.getByRole('button', { name: 'elsewhere' }).focus());
    expect(picked).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
    expect((input as HTMLInputElement).value).toBe('Reuters');
  });

  it('Halimov: a strong match (an alias) is pre-selected and taken by Enter', async () => {
    const { picked, input } = setup();
    await type(input, 'Halimov', /Gulmurod Khalimov/);
    expect(
      screen.getByRole('option', { name: /Gulmurod Khalimov/ }).getAttribute('aria-selected'),
    ).toBe('true');
    key(input, 'Enter');
    expect(picked).toHaveBeenLastCalledWith([
      expect.objectContaining({ name: 'Gulmurod Khalimov' }),
    ]);
  });

  it('Khalimv: a close spelling is taken by Tab on the way to the next field', async () => {
    const { picked, input } = setup();
    await type(input, 'Khalimv', /Gulmurod Khalimov/);
    key(input, 'Tab');
    expect(picked).toHaveBeenLastCalledWith([
      expect.objectContaining({ name: 'Gulmurod Khalimov' }),
    ]);
  });

  it('Freedom House: "Create" is never pre-selected and asks for the kind', async () => {
    const { picked, input } = setup();
    await type(input, 'Freedom House', 'Create “Freedom House”…');
    const createOption = screen.getByRole('option', { name: 'Create “Freedom House”…' });
    expect(createOption.getAttribute('aria-selected')).toBe('false');
    key(input, 'Enter');
    expect(create).not.toHaveBeenCalled();
    act(() => void fireEvent.click(createOption));
    const asOrg = await screen.findByRole('option', {
      name: 'Create “Freedom House” as organization',
    });
    expect(create).not.toHaveBeenCalled();
    act(() => void fireEvent.click(asOrg));
    await waitFor(() => expect(create).toHaveBeenCalledWith('organization', 'Freedom House'));
    await waitFor(() =>
      expect(picked).toHaveBeenLastCalledWith([
        expect.objectContaining({ name: 'Freedom House', kind: 'organization' }),
      ]),
    );
  });

  it('a fast typist: End then Enter on "Create" asks for the kind even before the search answers', async () => {
    const { input } = setup();
    await type(input, 'Freedom House', 'Create “Freedom House”…');
    // one more letter: the answer for it is not in yet (the list says so), but "Create" is current
    fireEvent.change(input, { target: { value: 'Freedom Houses' } });
    const list = screen.getByRole('listbox', { name: 'Claimant' });
    expect(list.getAttribute('aria-busy')).toBe('true');
    const createOption = screen.getByRole('option', { name: 'Create “Freedom Houses”…' });
    key(input, 'End');
    expect(createOption.getAttribute('aria-selected')).toBe('true');
    key(input, 'Enter');
    expect(
      await screen.findByRole('option', { name: 'Create “Freedom Houses” as organization' }),
    ).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
    // the answer for the new text arrives, and the list is no longer busy
    await waitFor(() => expect(list.getAttribute('aria-busy')).toBeNull());
  });

  it('EIU and IMU: weak matches only, nothing taken', async () => {
    const { picked, input } = setup();
    await type(input, 'EIU', /US Embassy in Dushanbe/);
    key(input, 'Enter');
    fireEvent.change(input, { target: { value: 'IMU' } });
    await waitFor(() => screen.getByRole('option', { name: /Muhammadrahim/ }));
    await act(() => new Promise((r) => setTimeout(r, 120)));
    key(input, 'Enter');
    expect(picked).not.toHaveBeenCalled();
  });
});
