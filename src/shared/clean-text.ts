/**
 * Characters that must never reach a title, a name or a terminal: C0/C1 controls, zero-width
 * characters and every bidirectional mark, embedding, override and isolate (U+061C, U+200E/F,
 * U+202A–E, U+2066–9). A bidi override in a title makes "Report‮fdp.exe" read as something else;
 * a control character can drive the terminal that prints it.
 */
export const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * A title or metadata value (author, publisher, …) from an imported file, safe to show: line
 * breaks and tabs become spaces, other unsafe characters go, runs of spaces collapse. Every importer
 * and metadata extractor passes its values through this one function.
 */
export function cleanMetadata(value: string): string {
  return value
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text for a terminal (`claimdesk text` when stdout is one): escape sequences (CSI such as
 * `ESC[2J`, OSC such as a window title or a hyperlink, in their 7- and 8-bit forms) and every other control character but the
 * line feed and the tab are removed, so a hostile document cannot clear the screen, rewrite what
 * was printed (a carriage return), or set the terminal's title. Piped output stays exact.
 */
export function terminalSafe(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
  );
}
