/**
 * From positioned text runs (what pdf.js reports) to lines. Pure functions, no pdf.js: the
 * geometry rules are tested here.
 *
 * Coordinates are PDF user space: x grows rightwards, y upwards, y is the baseline.
 */

/** One run of text as pdf.js reports it. */
export interface TextRun {
  str: string;
  /** baseline start */
  x: number;
  y: number;
  /** advance width in user space */
  width: number;
  /** font size in user space */
  size: number;
  /** false for rotated, vertical or mirrored text, which we keep but do not lay out */
  upright: boolean;
  /** index of the pdf.js text item the run comes from, if it comes from one (pdf-items.ts) */
  item?: number;
}

/** One line of text on a page. */
export interface Line {
  /** single-spaced, trimmed, never empty */
  text: string;
  x0: number;
  x1: number;
  /** baseline of the line's largest text, so superscripts do not move it */
  y: number;
  size: number;
  /** average advance per character; approximates the width of a space */
  charWidth: number;
  /** width of the line's first word: would it have fitted at the end of the line before? */
  firstWordWidth: number;
  upright: boolean;
  /**
   * Where the runs' items landed in `text`: flat triples (item, start, end), one per run that
   * has an item index and visible text, so that pdf-items.ts can map items to canonical offsets.
   */
  sources?: number[];
}

/** A gap between runs wider than this (in ems) is a word space even if the PDF draws none. */
const SPACE_GAP_EM = 0.15;
/** Runs whose baselines differ by less than this (in ems) share a line (superscripts do). */
const SAME_LINE_EM = 0.5;

/**
 * Group runs into lines, in reading order. A line ends when the baseline moves or the text
 * jumps left of where the line started. A run drawn out of order (producers draw superscripts
 * from a fallback font after the rest of the paragraph) joins the earlier line it sits on, and
 * within a line runs are put in x order. Lines keep content-stream order, which is reading
 * order for most producers and the only clue to it on multi-column pages; a single-column page
 * is read top to bottom, whatever order its producer drew it in (headings last, say).
 */
export function buildLines(runs: readonly TextRun[]): Line[] {
  const groups: Group[] = [];
  const byBaseline = new Map<number, Group[]>(); // rounded baseline → groups
  let current: Group | undefined;
  for (const run of runs) {
    if (run.str === '') continue;
    const blank = run.str.trim() === '';
    let group = current && sitsOn(current, run) ? current : undefined;
    if (!group && run.upright && !blank) {
      const tolerance = Math.ceil(SAME_LINE_EM * run.size);
      for (
        let key = Math.round(run.y) - tolerance;
        !group && key <= Math.round(run.y) + tolerance;
        key++
      ) {
        group = byBaseline.get(key)?.find((g) => sitsOn(g, run) && run.x <= g.x1 + g.em);
      }
    }
    if (group) {
      group.runs.push(run);
      if (!blank) group.x1 = Math.max(group.x1, run.x + run.width);
    } else if (!blank) {
      group = { runs: [run], x0: run.x, x1: run.x + run.width, y: run.y, em: run.size };
      groups.push(group);
      push(byBaseline, Math.round(run.y), group);
    }
    if (group) current = group;
  }
  const lines: Line[] = [];
  for (const group of groups) pushLine(lines, group.runs);
  return singleColumn(lines) ? lines.sort((a, b) => b.y - a.y) : lines;
}

/**
 * No column structure: few lines have another line beside them at the same height. (Side by
 * side lines are columns, or table cells, whose stream order we keep.)
 */
function singleColumn(lines: readonly Line[]): boolean {
  const byHeight = lines.filter((l) => l.upright).sort((a, b) => b.y - a.y);
  let beside = 0;
  for (let i = 0; i < byHeight.length; i++) {
    const line = byHeight[i]!;
    for (let j = i + 1; j < byHeight.length && line.y - byHeight[j]!.y < line.size / 2; j++) {
      const other = byHeight[j]!;
      if (other.x0 >= line.x1 || other.x1 <= line.x0) beside += 2;
    }
  }
  return beside <= 0.2 * byHeight.length;
}

interface Group {
  runs: TextRun[];
  x0: number;
  x1: number;
  /** baseline and size of the run that started the line */
  y: number;
  em: number;
}

function sitsOn(group: Group, run: TextRun): boolean {
  const em = Math.max(group.em, run.size);
  return (
    run.upright === group.runs[0]!.upright &&
    run.upright &&
    Math.abs(run.y - group.y) <= SAME_LINE_EM * em &&
    run.x >= group.x0 - em
  );
}

function pushLine(lines: Line[], group: TextRun[]): void {
  // blank runs only mark where spaces are
  const runs = insertLateRuns(group.filter((r) => r.str.trim() !== '')).sort((a, b) => a.x - b.x);
  const spaces = group
    .filter((r) => r.str.trim() === '')
    .map((r) => r.x + r.width / 2)
    .sort((a, b) => a - b);
  const charWidth =
    runs.reduce((w, r) => w + r.width, 0) / runs.reduce((n, r) => n + r.str.length, 0);
  let text = '';
  const pieces: number[] = []; // (item, start, end) in `text` before cleanLine
  let x1 = -Infinity;
  let size = 0;
  let y = 0;
  let firstWordWidth = 0;
  let inFirstWord = true;
  for (const run of runs) {
    let str = run.str.replace(/\s+/g, ' ');
    let space = 0; // a word space we put before the run's own text
    if (text === '') str = str.trimStart();
    else if (!text.endsWith(' ')) {
      const gap = run.x - x1;
      const em = Math.min(size, run.size);
      const visible = str.trimStart();
      // pdf.js sometimes starts a run drawn out of order (a superscript) with a space of no
      // width: the run touches the text before it and has no room for a space
      if (
        visible.length <= 3 &&
        Math.abs(gap) < 0.05 * em &&
        run.width < (visible.length + 0.5) * charWidth
      ) {
        str = visible;
      }
      if (
        !str.startsWith(' ') &&
        (gap > SPACE_GAP_EM * em || (spaces[lowerBound(spaces, x1 - em / 2)] ?? Infinity) <= run.x)
      ) {
        str = ' ' + str;
        space = 1;
      }
    }
    if (inFirstWord) {
      const word = /^\S*/.exec(str)![0];
      firstWordWidth += (run.width * word.length) / run.str.length;
      inFirstWord = word.length === str.length;
    }
    if (run.item !== undefined)
      pieces.push(run.item, text.length + space, text.length + str.length);
    text += str;
    x1 = Math.max(x1, run.x + run.width);
    if (run.size > size) [size, y] = [run.size, run.y];
  }
  const clean = cleanLine(text, pieces);
  if (!clean) return;
  const sources: number[] = [];
  for (let i = 0; i < pieces.length; i += 3) {
    if (pieces[i + 2]! > pieces[i + 1]!) sources.push(pieces[i]!, pieces[i + 1]!, pieces[i + 2]!);
  }
  const first = runs[0]!;
  const lead = first.str.length - first.str.trimStart().length;
  lines.push({
    text: clean,
    x0: first.x + (first.width * lead) / first.str.length,
    x1,
    y,
    size,
    charWidth,
    firstWordWidth,
    upright: first.upright,
    sources,
  });
}

/**
 * `raw.replace(/ {2,}/g, ' ').trim().replace(/\u00AD(?!$)/g, '')` (single spaces; a soft hyphen
 * shows only at a line end, where pdf-word-breaks.ts drops it) for a string whose only whitespace
 * is U+0020. `pieces` holds (item, start, end) triples of offsets into `raw`, ascending: they are
 * moved to the same characters in the result (a removed character's offset to the next kept one).
 */
export function cleanLine(raw: string, pieces: number[] = []): string {
  const n = raw.length;
  if (
    n > 0 &&
    raw.charCodeAt(0) !== 32 &&
    raw.charCodeAt(n - 1) !== 32 &&
    !raw.includes('  ') &&
    !raw.includes('\u00AD')
  ) {
    return raw; // nearly every line: nothing to clean, nothing moves
  }
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (raw.charCodeAt(i) === 32) continue;
    if (first < 0) first = i;
    last = i;
  }
  // offsets are visited in ascending order: pieces' starts and ends interleave monotonically
  let next = 1; // index into pieces of the next offset to move (skipping the item numbers)
  let text = '';
  let from = -1; // start of the pending kept stretch, appended in slices (not char by char)
  let length = 0;
  for (let i = 0; i <= n; i++) {
    while (next < pieces.length && pieces[next] === i) {
      pieces[next] = length;
      next += next % 3 === 1 ? 1 : 2;
    }
    if (i === n) break;
    const c = raw.charCodeAt(i);
    const kept =
      i >= first &&
      i <= last &&
      !(c === 32 && raw.charCodeAt(i - 1) === 32) && // a run of spaces keeps its first
      (c !== 0xad || i === last); // the soft-hyphen rule, applied after trimming
    if (kept) {
      if (from < 0) from = i;
      length++;
    } else if (from >= 0) {
      text += raw.slice(from, i);
      from = -1;
    }
  }
  if (from >= 0) text += raw.slice(from);
  return text;
}

/**
 * A run drawn after the line, at a place inside an earlier run ("collaboration. ¹ By", where
 * pdf.js has put a space for the "⁴" drawn later), splits that run there: by the proportional
 * character position, exact for monospace and close otherwise. A space it covers goes.
 */
function insertLateRuns(runs: readonly TextRun[]): TextRun[] {
  const pieces: TextRun[] = [];
  let end = -Infinity;
  for (const run of runs) {
    const eps = 0.1 * run.size;
    const late = run.x < end - eps; // runs in order (nearly all) need no search
    end = Math.max(end, run.x + run.width);
    const host = !late
      ? -1
      : pieces.findIndex(
          (p) => run.x > p.x + eps && run.x < p.x + p.width - eps && p.str.length > 1,
        );
    if (host >= 0) {
      const p = pieces[host]!;
      const charWidth = p.width / p.str.length;
      const at = Math.min(p.str.length - 1, Math.max(1, Math.round((run.x - p.x) / charWidth)));
      let rest = p.str.slice(at);
      let restX = p.x + at * charWidth;
      if (rest.startsWith(' ') && run.x + run.width >= restX + charWidth / 2) {
        rest = rest.slice(1);
        restX += charWidth;
      }
      const split = [{ ...p, str: p.str.slice(0, at), width: at * charWidth }];
      if (rest) split.push({ ...p, str: rest, x: restX, width: p.x + p.width - restX });
      pieces.splice(host, 1, ...split);
    }
    pieces.push(run);
  }
  return pieces;
}

/** Append `value` to the list under `key`. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The index of the first value >= x in an ascending array. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
