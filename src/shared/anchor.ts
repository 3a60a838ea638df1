import type { TextAnchor } from './model';

/** How much context a quote keeps either side (the Hypothesis convention). */
export const QUOTE_CONTEXT = 32;

/** Builds the position + quote selector for text[start, end). */
export function anchorAt(text: string, start: number, end: number): TextAnchor {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > text.length ||
    start >= end
  ) {
    throw new RangeError(`invalid range ${start}-${end} for a text of ${text.length} characters`);
  }
  // the context never cuts a character in half: half a surrogate pair is stored as U+FFFD and
  // then appears nowhere in the document
  let from = Math.max(0, start - QUOTE_CONTEXT);
  if (isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) from++;
  let to = Math.min(text.length, end + QUOTE_CONTEXT);
  if (isLowSurrogate(text.charCodeAt(to)) && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(from, start),
    suffix: text.slice(end, to),
  };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (inside one character). */
export function splitsCharacter(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/**
 * Converts a UTF-16 offset into a Unicode code point offset (the W3C model counts code points, so
 * an emoji is one character there and two in JavaScript).
 */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  let points = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const code = text.charCodeAt(i);
    // a high surrogate followed by a low one is a single code point
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    points++;
  }
  return points;
}

/** The inverse of toCodePointOffset. */
export function fromCodePointOffset(text: string, codePointOffset: number): number {
  let i = 0;
  for (let points = 0; points < codePointOffset && i < text.length; points++) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    i += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return i;
}

/**
 * A fast UTF-16 → code point converter for many offsets into one text (exports convert every span).
 * Texts without astral characters (most) convert for free; others use a checkpoint every 1,024
 * code units so each conversion scans at most that far.
 */
export function codePointConverter(text: string): (utf16Offset: number) => number {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text))
    return (offset) => Math.min(offset, text.length);
  const STEP = 1024;
  const checkpoints: number[] = [0];
  let points = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const width = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    // a checkpoint records the code point count at the first code unit at or past each STEP boundary
    while (checkpoints.length * STEP <= i) checkpoints.push(points);
    i += width;
    points++;
  }
  return (offset) => {
    const target = Math.min(offset, text.length);
    const k = Math.min(Math.floor(target / STEP), checkpoints.length - 1);
    // step back to a code point boundary: a checkpoint index may fall inside a surrogate pair
    let at = k * STEP;
    let count = checkpoints[k]!;
    if (at > 0 && at < text.length) {
      const prev = text.charCodeAt(at - 1);
      const cur = text.charCodeAt(at);
      if (prev >= 0xd800 && prev <= 0xdbff && cur >= 0xdc00 && cur <= 0xdfff) at += 1;
    }
    for (; at < target; count++) {
      const code = text.charCodeAt(at);
      const next = text.charCodeAt(at + 1);
      at += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    }
    return count;
  };
}

/**
 * The inverse of codePointConverter: code point offsets → UTF-16 offsets for one text, for many
 * offsets (imports convert every span). Identity when the text has no astral characters.
 */
export function utf16Converter(text: string): (codePointOffset: number) => number {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text))
    return (offset) => Math.min(offset, text.length);
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    units.push(i);
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  units.push(text.length);
  return (offset) => units[Math.min(offset, units.length - 1)]!;
}
