/** Above this many characters a selection is more likely a sloppy drag than a passage. */
export const LONG_SELECTION = 2_000;

/**
 * Asks before tagging a very long selection (a drag that ran on made a 27,816-character claim
 * without a question); true to go on. Shorter selections go on without asking.
 */
export function confirmLongSelection(
  spans: readonly { start: number; end: number }[],
  ask: (message: string) => boolean = (m) => window.confirm(m),
): boolean {
  const length = spans.reduce((n, s) => n + (s.end - s.start), 0);
  if (length <= LONG_SELECTION) return true;
  return ask(
    `The selection is ${length.toLocaleString('en')} characters long (about ` +
      `${Math.round(length / 1800).toLocaleString('en')} pages). Tag all of it?`,
  );
}
