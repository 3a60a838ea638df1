/**
 * JSON.parse for a large file whose top level is an object of arrays (a claims JSON), in pieces
 * that let the event loop run in between: each array element is parsed on its own by the native
 * JSON.parse, and `pause` is awaited after each.
 *
 * Why not one JSON.parse: it holds the event loop for ~10 ms per MB, so a file of tens of
 * thousands of claims held every other request for seconds. Why not a streaming parser library:
 * they parse every character in JavaScript (several times slower) and build objects their own way;
 * here only the structure between elements is scanned, and every value is still made by the
 * native parser, with its exact semantics (an own "__proto__" key stays a plain key).
 *
 * Anything that is not well-formed JSON throws a SyntaxError, as JSON.parse would.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

export async function parseJsonInSlices(
  text: string,
  pause: () => Promise<void>,
): Promise<unknown> {
  const scan = new Scanner(text);
  scan.skipSpace();
  if (text[scan.at] !== '{') return JSON.parse(text);
  scan.at++;
  const out: Record<string, unknown> = {};
  scan.skipSpace();
  if (text[scan.at] === '}') scan.at++;
  else {
    for (;;) {
      scan.skipSpace();
      if (text[scan.at] !== '"') throw new SyntaxError(`Expected a key at position ${scan.at}`);
      const key = scan.value() as string;
      scan.skipSpace();
      scan.expect(':');
      scan.skipSpace();
      const value = text[scan.at] === '[' ? await scan.array(pause) : scan.value();
      // defineProperty: the same own key JSON.parse makes, also for "__proto__"
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      scan.skipSpace();
      if (text[scan.at] === ',') {
        scan.at++;
        continue;
      }
      scan.expect('}');
      break;
    }
  }
  scan.skipSpace();
  if (scan.at !== text.length) throw new SyntaxError(`Unexpected text at position ${scan.at}`);
  return out;
}

class Scanner {
  at = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (WHITESPACE.has(this.text[this.at]!)) this.at++;
  }

  expect(char: string): void {
    if (this.text[this.at] !== char)
      throw new SyntaxError(`Expected "${char}" at position ${this.at}`);
    this.at++;
  }

  /** Parses the value that starts here (natively) and moves past it. */
  value(): unknown {
    const end = this.valueEnd();
    const value = JSON.parse(this.text.slice(this.at, end)) as unknown;
    this.at = end;
    return value;
  }

  /** An array, element by element, pausing after each. */
  async array(pause: () => Promise<void>): Promise<unknown[]> {
    this.expect('[');
    const items: unknown[] = [];
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return items;
    }
    for (;;) {
      this.skipSpace();
      items.push(this.value());
      await pause();
      this.skipSpace();
      if (this.text[this.at] === ',') {
        this.at++;
        continue;
      }
      this.expect(']');
      return items;
    }
  }

  /**
   * Where the value starting here ends: strings to their closing quote, objects and arrays to the
   * bracket that closes them (brackets inside strings skipped), a number or literal to the next
   * delimiter. JSON.parse of the slice then checks everything inside it.
   */
  valueEnd(): number {
    const text = this.text;
    let i = this.at;
    const first = text[i];
    if (first === undefined) throw new SyntaxError('Unexpected end of JSON input');
    if (first === '"') return stringEnd(text, i);
    if (first !== '{' && first !== '[') {
      while (i < text.length && !',]}:'.includes(text[i]!) && !WHITESPACE.has(text[i]!)) i++;
      return i;
    }
    let depth = 0;
    const structural = /["[\]{}]/g;
    structural.lastIndex = i;
    for (let m = structural.exec(text); m; m = structural.exec(text)) {
      const char = m[0];
      if (char === '"') structural.lastIndex = stringEnd(text, m.index);
      else if (char === '{' || char === '[') depth++;
      else if (--depth === 0) return m.index + 1;
    }
    throw new SyntaxError('Unexpected end of JSON input');
  }
}

/** The position just past the string that opens at `start` (escaped quotes skipped). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) throw new SyntaxError('Unterminated string in JSON');
    let backslashes = 0;
    for (let k = quote - 1; text[k] === '\\'; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}
