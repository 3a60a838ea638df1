/**
 * Bytes → string for every text-based importer.
 *
 * - UTF-8, with or without a byte-order mark;
 * - UTF-16 LE or BE, only when the file starts with a byte-order mark;
 * - "\r\n" and "\r" become "\n"; the BOM is removed.
 *
 * Refuses, with an `ImportError` the researcher can act on: empty files (`empty`), binary content
 * (`not_text`) and bytes that are not valid in the detected encoding (`invalid_encoding`, with the
 * byte offset of the first bad byte). Nothing is guessed: a file in Windows-1252 or KOI8-R is
 * refused with advice to re-save it as UTF-8 rather than silently decoded into the wrong letters.
 */
import { ImportError } from './errors';

/** How much of the file the binary sniffing looks at. */
const SNIFF_BYTES = 8192;
/** Share of control characters above which a file is considered binary. */
const MAX_CONTROL_SHARE = 0.1;

const RESAVE_ADVICE =
  'Open it in a text editor, save it with the encoding "UTF-8", and import it again.';

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) {
    throw new ImportError('empty', 'This file is empty (0 bytes); there is nothing to import.');
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes.length >= 4 && bytes[2] === 0 && bytes[3] === 0) {
      throw new ImportError(
        'invalid_encoding',
        `This file is encoded as UTF-32, which Claimdesk does not read. ${RESAVE_ADVICE}`,
      );
    }
    text = decodeUtf16(bytes, true);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = decodeUtf16(bytes, false);
  } else {
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = hasBom ? bytes.subarray(3) : bytes;
    if (looksBinary(body)) {
      throw new ImportError(
        'not_text',
        'This file looks binary, not text (it contains NUL or many control bytes). ' +
          'Check that you picked the right file, or export it from its application as plain text, ' +
          'Markdown, HTML, DOCX or PDF.',
      );
    }
    text = decodeUtf8(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

/** NUL bytes or a high share of control characters in the first 8 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    // tab, LF, VT, FF, CR and ESC (ANSI colour codes in logs) are ordinary in text
    if (
      (b < 0x20 &&
        b !== 0x09 &&
        b !== 0x0a &&
        b !== 0x0b &&
        b !== 0x0c &&
        b !== 0x0d &&
        b !== 0x1b) ||
      b === 0x7f
    ) {
      control++;
    }
  }
  return control / n > MAX_CONTROL_SHARE;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM: false (the default) removes a leading UTF-8 BOM
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const where = offset >= 0 ? describeOffset(bytes, offset) : 'somewhere in the file';
    throw new ImportError(
      'invalid_encoding',
      `This file is not valid UTF-8: the byte ${where} cannot be decoded. ` +
        `It was probably saved in another encoding (such as Windows-1252 or Windows-1251). ${RESAVE_ADVICE}`,
    );
  }
}

function describeOffset(bytes: Uint8Array, offset: number): string {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  const hex = (bytes[offset] as number).toString(16).toUpperCase().padStart(2, '0');
  return `0x${hex} at byte offset ${offset} (line ${line})`;
}

/**
 * Offset of the first byte that starts an invalid or truncated UTF-8 sequence, or -1 if all of
 * `bytes` is valid. Follows the WHATWG decoder (no overlongs, no surrogates, max U+10FFFF).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2;
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** UTF-16 after a 2-byte BOM, decoded by hand so big-endian needs no ICU support. */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const bom = 2;
  const body = bytes.length - bom;
  const label = littleEndian ? 'UTF-16 LE' : 'UTF-16 BE';
  if (body % 2 !== 0) {
    throw new ImportError(
      'invalid_encoding',
      `This file is marked as ${label} but has an odd number of bytes (the last byte, at offset ${
        bytes.length - 1
      }, is incomplete); it may be truncated. ${RESAVE_ADVICE}`,
    );
  }
  const units = new Uint16Array(body / 2);
  for (let u = 0; u < units.length; u++) {
    const a = bytes[bom + 2 * u] as number;
    const b = bytes[bom + 2 * u + 1] as number;
    units[u] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  for (let u = 0; u < units.length; u++) {
    const c = units[u] as number;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = units[u + 1];
      if (next !== undefined && next >= 0xdc00 && next <= 0xdfff) {
        u++;
        continue;
      }
    } else if (c < 0xdc00 || c > 0xdfff) {
      continue;
    }
    throw new ImportError(
      'invalid_encoding',
      `This file is marked as ${label} but contains an unpaired surrogate at byte offset ${
        bom + 2 * u
      }. ${RESAVE_ADVICE}`,
    );
  }
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let u = 0; u < units.length; u += CHUNK) {
    chunks.push(String.fromCharCode(...units.subarray(u, u + CHUNK)));
  }
  return chunks.join('');
}
