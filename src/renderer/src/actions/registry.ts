/**
 * THE action registry. An action is one object — id, label, keys, scope, enabled, perform — and
 * everything that offers it reads it from here: the keydown dispatcher (dispatch.ts), the help
 * overlay, the command palette, tooltips (ActionButton) and the Electron menu (which sends the id).
 *
 * How a feature registers its actions: see README.md in this folder.
 */

/**
 * Where an action applies: "global", or the `data-scope` of a region ("reader" — the reader view,
 * holding "library", "document" and "claims" — "table", "entities"…). A key press runs the action
 * bound to it in the innermost focused region, else in the regions around it, else a global one;
 * never one of a sibling region (Delete in the library must not delete the selected claim).
 */
export type Scope = string;

export interface Action {
  /** stable, dotted: "claim.delete"; the Electron menu sends it */
  id: string;
  /** what the help, palette and tooltip say; a verb phrase ("Delete the selected claim") */
  label: string;
  /** bindings (see keys.ts); the first is the one shown */
  keys?: readonly string[];
  scope: Scope | readonly Scope[];
  /** false: listed greyed out, keys and palette do nothing; absent: always enabled */
  enabled?: () => boolean;
  perform: () => void;
  /** its Ctrl/⌘ bindings work even in a text field (Ctrl+K reaches search from anywhere) */
  whileTyping?: boolean;
  /** the Electron menu already handles this key on the desktop; the page does not see it twice */
  menuAccelerator?: boolean;
  /** the help overlay's section ("Reader", "Claims table"…); defaults from the scope */
  group?: string;
  /** not offered in the command palette (Escape, paging) */
  hidden?: boolean;
  /** false: not listed in the help either (the caret's moves: the F7 entry describes them) */
  inHelp?: false;
}

export const scopesOf = (a: Action): readonly Scope[] =>
  typeof a.scope === 'string' ? [a.scope] : a.scope;

export const isEnabled = (a: Action) => a.enabled?.() ?? true;

type Provider = () => readonly Action[];

export class ActionRegistry {
  private providers = new Set<Provider>();
  /** the scopes of the view in front, for when the focus is on nothing in particular (the body) */
  defaultScopes: () => readonly Scope[] = () => [];

  /** Adds a feature's actions (read afresh each time: they close over current state). */
  register(provider: Provider): () => void {
    this.providers.add(provider);
    this.changed();
    return () => {
      this.providers.delete(provider);
      this.changed();
    };
  }

  private listeners = new Set<() => void>();
  private version = 0;
  /** for useSyncExternalStore: buttons and the help re-render when actions come and go */
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getVersion = () => this.version;
  private changed() {
    this.version++;
    for (const l of this.listeners) l();
  }

  all(): Action[] {
    const seen = new Map<string, Action>();
    for (const provide of this.providers) for (const a of provide()) seen.set(a.id, a);
    return [...seen.values()];
  }

  get(id: string): Action | undefined {
    return this.all().find((a) => a.id === id);
  }

  /** Runs an action by id (the menu, the palette, a button); false if unknown or disabled. */
  run(id: string): boolean {
    const action = this.get(id);
    if (!action || !isEnabled(action)) return false;
    action.perform();
    return true;
  }
}
