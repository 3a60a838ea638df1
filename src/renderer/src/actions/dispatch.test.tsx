// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionsProvider, useActions, useDefaultScopes } from './context';
import { bindingKeys, matchesBinding } from './keys';
import { ActionRegistry, type Action } from './registry';

const press = (key: string, init: KeyboardEventInit = {}) =>
  act(() => {
    (document.activeElement ?? document.body).dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }),
    );
  });

function Panes({ actions, fallback }: { actions: Action[]; fallback: string[] }) {
  useActions(actions);
  useDefaultScopes(fallback);
  return (
    <div data-scope="reader">
      <nav data-scope="library">
        <button type="button">Document</button>
      </nav>
      <main data-scope="document">
        <p>text</p>
      </main>
      <aside data-scope="claims">
        <button type="button">Claim</button>
        <input aria-label="Note" />
        <input type="radio" aria-label="supports" />
      </aside>
    </div>
  );
}

function setup(fallback = ['document', 'reader']) {
  const done: string[] = [];
  const action = (
    id: string,
    keys: string[],
    scope: Action['scope'],
    extra: Partial<Action> = {},
  ) => ({ id, label: id, keys, scope, perform: () => done.push(id), ...extra }) satisfies Action;
  const actions = [
    action('claim.delete', ['Delete'], ['document', 'claims']),
    action('pdf.view', ['V'], 'reader'),
    action('claim.create', ['C'], 'global'),
    action('search', ['/', 'Mod+K'], 'global', { whileTyping: true }),
    action('undo', ['Mod+Z'], 'global'),
    action('disabled', ['X'], 'global', { enabled: () => false }),
  ];
  const registry = new ActionRegistry();
  const view = render(
    <ActionsProvider registry={registry}>
      <Panes actions={actions} fallback={fallback} />
    </ActionsProvider>,
  );
  return { done, view, registry };
}

afterEach(() => {
  cleanup();
});

describe('the key dispatcher', () => {
  it('runs Delete in the claims panel and the document, never from the library beside them', () => {
    const { done, view } = setup();
    act(() => view.getByRole('button', { name: 'Document' }).focus());
    press('Delete');
    expect(done).toEqual([]);
    act(() => view.getByRole('button', { name: 'Claim' }).focus());
    press('Delete');
    expect(done).toEqual(['claim.delete']);
    // the focus on the body (a click in the text): the view in front, the document
    act(() => (document.activeElement as HTMLElement).blur());
    press('Delete');
    expect(done).toEqual(['claim.delete', 'claim.delete']);
  });

  it('reaches actions of enclosing regions and global ones from any pane', () => {
    const { done, view } = setup();
    act(() => view.getByRole('button', { name: 'Document' }).focus());
    press('v');
    press('c');
    expect(done).toEqual(['pdf.view', 'claim.create']);
  });

  it('leaves letters to text fields, except Ctrl bindings marked for use while typing', () => {
    const { done, view } = setup();
    act(() => view.getByRole('textbox', { name: 'Note' }).focus());
    press('c');
    press('/');
    press('z', { ctrlKey: true });
    expect(done).toEqual([]);
    press('k', { ctrlKey: true });
    expect(done).toEqual(['search']);
  });

  it('treats letters typed on a radio button as shortcuts, not text (defect 5: the link form)', () => {
    const { done, view } = setup();
    act(() => view.getByRole('radio', { name: 'supports' }).focus());
    press('c');
    expect(done).toEqual(['claim.create']);
  });

  it('skips disabled actions and does nothing while a modal dialog is open', () => {
    const { done, registry } = setup();
    press('x');
    expect(done).toEqual([]);
    expect(registry.run('disabled')).toBe(false);
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    press('c');
    expect(done).toEqual([]);
    dialog.remove();
    press('c');
    expect(done).toEqual(['claim.create']);
  });

  it('runs an action by id for the menu and the palette, and forgets actions of unmounted views', () => {
    const { done, registry, view } = setup();
    expect(registry.run('claim.create')).toBe(true);
    expect(done).toEqual(['claim.create']);
    view.unmount();
    expect(registry.get('claim.create')).toBeUndefined();
    expect(registry.run('claim.create')).toBe(false);
  });
});

describe('key bindings', () => {
  const key = (k: string, init: KeyboardEventInit = {}) =>
    new KeyboardEvent('keydown', { key: k, ...init });
  it('matches Mod as Ctrl elsewhere and ⌘ on a Mac, Shift exactly for letters', () => {
    expect(matchesBinding('Mod+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(
      true,
    );
    expect(matchesBinding('Mod+Z', key('z', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesBinding('Mod+Z', key('z', { metaKey: true }), true)).toBe(true);
    expect(matchesBinding('Mod+Z', key('z', { ctrlKey: true }), true)).toBe(false);
    expect(matchesBinding('C', key('c', { ctrlKey: true }), false)).toBe(false);
    expect(matchesBinding('?', key('?', { shiftKey: true }), false)).toBe(true);
    expect(matchesBinding('Delete', key('Backspace'), true)).toBe(true);
    expect(matchesBinding('Delete', key('Backspace'), false)).toBe(false);
    expect(matchesBinding('Mod+Plus', key('+', { ctrlKey: true, shiftKey: true }), false)).toBe(
      true,
    );
  });
  it('shows keys as they are labelled on the keyboard', () => {
    expect(bindingKeys('Mod+Shift+P', false)).toEqual(['Ctrl', 'Shift', 'P']);
    expect(bindingKeys('Mod+Shift+P', true)).toEqual(['⌘', 'Shift', 'P']);
    expect(bindingKeys('PageDown', false)).toEqual(['Page Down']);
  });
});

vi.mock('../api', () => ({ isDesktop: () => false, invoke: vi.fn() }));
