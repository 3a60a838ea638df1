import { hasModifier, matchesBinding } from './keys';
import { isEnabled, scopesOf, type Action, type ActionRegistry, type Scope } from './registry';

/** Typing in a field must never trigger a shortcut (a "c" in a note is a letter). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) {
    // a radio, checkbox or button takes no text: letters typed there are shortcuts, not input
    return !['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * The scopes a key press is for, innermost first: the `data-scope` regions around the focused
 * element (the library inside the reader view: ["library", "reader"]), then "global". With the focus
 * on nothing in particular (the body, after a click in the text), the view in front (`fallback`).
 */
export function scopeChain(active: Element | null, fallback: readonly Scope[]): Scope[] {
  const chain: Scope[] = [];
  if (active && active !== document.body && active !== document.documentElement) {
    for (
      let region = active.closest<HTMLElement>('[data-scope]');
      region;
      region = region.parentElement?.closest<HTMLElement>('[data-scope]') ?? null
    ) {
      chain.push(region.dataset.scope!);
    }
  }
  return [...(chain.length > 0 ? chain : fallback), 'global'];
}

/**
 * The action a key press means where the focus is: the innermost scope with an enabled action for
 * the key wins. Scopes are not nested the other way: an action of the claims panel never runs
 * from the library beside it (Delete there must not delete the selected claim).
 */
export function actionForKey(
  actions: readonly Action[],
  e: KeyboardEvent,
  chain: readonly Scope[],
  options: { typing: boolean; desktop: boolean },
): Action | null {
  const bound = actions.filter(
    (a) =>
      isEnabled(a) &&
      !(options.desktop && a.menuAccelerator) &&
      (a.keys ?? []).some(
        (k) => matchesBinding(k, e) && (!options.typing || (a.whileTyping && hasModifier(k))),
      ),
  );
  for (const scope of chain) {
    const action = bound.find((a) => scopesOf(a).includes(scope));
    if (action) return action;
  }
  return null;
}

/**
 * The app's one keydown listener: finds the action for the key in the focused scope and runs it.
 * A modal dialog handles its own keys; fields keep their letters (and their own text undo).
 */
export function createKeyHandler(registry: ActionRegistry, desktop: () => boolean) {
  return (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    if (document.querySelector('dialog[open]')) return;
    const typing = isTypingTarget(e.target);
    const chain = scopeChain(document.activeElement, registry.defaultScopes());
    const action = actionForKey(registry.all(), e, chain, { typing, desktop: desktop() });
    if (!action) return;
    e.preventDefault();
    action.perform();
  };
}
