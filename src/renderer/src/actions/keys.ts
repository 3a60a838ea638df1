/**
 * Key bindings as text ("C", "Delete", "Mod+Shift+Z", "Mod+Plus"): matched against keydown events,
 * and shown in the help overlay, tooltips and aria-keyshortcuts from the same string. "Mod" is ⌘ on
 * a Mac and Ctrl elsewhere, so one binding serves both.
 */

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface Binding {
  mod: boolean;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  /** lower-cased KeyboardEvent.key */
  key: string;
}

const NAMED: Record<string, string> = { plus: '+', space: ' ', esc: 'escape' };

export function parseBinding(text: string): Binding {
  const parts = text.split('+');
  const key = parts.pop()!.toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return {
    mod: mods.has('mod'),
    ctrl: mods.has('ctrl'),
    shift: mods.has('shift'),
    alt: mods.has('alt'),
    key: NAMED[key] ?? key,
  };
}

/** Ctrl, ⌘ or Alt: such a binding can run from inside a text field (plain keys are letters there). */
export function hasModifier(text: string): boolean {
  const b = parseBinding(text);
  return b.mod || b.ctrl || b.alt;
}

/** A letter or digit: Shift changes what it means, so it must match exactly; "?" needs no Shift. */
const shiftMatters = (key: string) => /^[a-z0-9]$/.test(key) || key.length > 1;

export function matchesBinding(text: string, e: KeyboardEvent, mac = isMac): boolean {
  const b = parseBinding(text);
  const key = e.key.toLowerCase();
  const sameKey = key === b.key || (b.key === 'delete' && mac && key === 'backspace');
  if (!sameKey) return false;
  const mod = mac ? e.metaKey : e.ctrlKey;
  const ctrl = mac ? e.ctrlKey : false;
  if (mod !== b.mod || (mac && ctrl !== b.ctrl) || e.altKey !== b.alt) return false;
  if (!mac && b.ctrl && !e.ctrlKey) return false;
  if (!mac && !b.mod && !b.ctrl && e.ctrlKey) return false;
  if (!mac && e.metaKey) return false;
  return shiftMatters(b.key) ? e.shiftKey === b.shift : true;
}

const DISPLAY: Record<string, string> = {
  '+': '+',
  ' ': 'Space',
  escape: 'Esc',
  delete: 'Delete',
  pagedown: 'Page Down',
  pageup: 'Page Up',
  arrowup: '↑',
  arrowdown: '↓',
  '=': '+',
  '-': '−',
};

/** The keys to press, one label per key: ["Ctrl", "Shift", "Z"] (["⌘", "Shift", "Z"] on a Mac). */
export function bindingKeys(text: string, mac = isMac): string[] {
  const b = parseBinding(text);
  const keys: string[] = [];
  if (b.mod) keys.push(mac ? '⌘' : 'Ctrl');
  if (b.ctrl) keys.push('Ctrl');
  if (b.alt) keys.push(mac ? '⌥' : 'Alt');
  if (b.shift) keys.push('Shift');
  keys.push(DISPLAY[b.key] ?? (b.key.length === 1 ? b.key.toUpperCase() : b.key));
  return keys;
}

/** "Ctrl+Shift+Z", for a tooltip. */
export const bindingText = (text: string, mac = isMac) => bindingKeys(text, mac).join('+');

/** The aria-keyshortcuts form ("Control+Shift+Z", "Meta+O", "Delete"). */
export function ariaBinding(text: string, mac = isMac): string {
  const b = parseBinding(text);
  const parts: string[] = [];
  if (b.mod) parts.push(mac ? 'Meta' : 'Control');
  if (b.ctrl) parts.push('Control');
  if (b.alt) parts.push('Alt');
  if (b.shift) parts.push('Shift');
  const key = b.key === '+' ? 'Plus' : b.key === ' ' ? 'Space' : b.key;
  parts.push(key.length === 1 ? key.toUpperCase() : key[0]!.toUpperCase() + key.slice(1));
  return parts.join('+');
}
