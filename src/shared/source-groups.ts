/**
 * The TXT and the PDF of one work are two documents of one source (issue 17). Search hits and
 * suggested mentions are about works, so the same passage found in two files of one source is one
 * hit, with each file's place, and hits are listed under their source. This is the one rule for
 * both: the backend collapses (collapseAcrossFiles), the views group (groupBySource) and open the
 * file the researcher chose (placeIn).
 */
import type { DocumentId, MediaType, SourceId } from './model';

/** Where a hit is in one file. `page` is set for paged files (PDF). */
export interface FilePlace {
  documentId: DocumentId;
  mediaType: MediaType;
  start: number;
  end: number;
  page?: { index: number; label: string } | null;
}

/** A hit that knows its source; `also` holds the same passage's places in the source's other files. */
export interface SourcedHit extends FilePlace {
  sourceId: SourceId;
  also: FilePlace[];
}

/** Files shown first: a PDF keeps the pages a citation needs, a plain text file the least. */
const FILE_ORDER: MediaType[] = [
  'application/pdf',
  'application/epub+zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/html',
  'text/markdown',
  'text/plain',
];
const fileRank = (m: MediaType) => {
  const i = FILE_ORDER.indexOf(m);
  return i < 0 ? FILE_ORDER.length : i;
};

/** Lower case, accents gone, punctuation and line breaks as spaces. */
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const AROUND = 2;

/**
 * What makes two places the same passage: the matched words and up to two words either side,
 * compared without case, accents, punctuation or line breaks (a PDF's text is laid out, a TXT's
 * is not). The outermost word of each side is left out: a context cut at a fixed length may end
 * inside it, differently in each file.
 */
export function passageKey(before: string, exact: string, after: string): string {
  const b = fold(before).split(' ').filter(Boolean).slice(1);
  const a = fold(after).split(' ').filter(Boolean).slice(0, -1);
  return [...b.slice(-AROUND), '|', fold(exact), '|', ...a.slice(0, AROUND)].join(' ');
}

/**
 * The hits with each passage once per source: a later hit (in ranking order) that is the same
 * passage (same `keyOf`) in another file of the same source joins the first one's `also`. Hits in
 * one file are never merged, whatever their text: they are different places.
 */
export function collapseAcrossFiles<T extends SourcedHit>(
  hits: readonly T[],
  keyOf: (hit: T) => string,
): T[] {
  const firsts = new Map<string, T>();
  const kept: T[] = [];
  for (const hit of hits) {
    const key = `${hit.sourceId}\u0000${keyOf(hit)}`;
    const first = firsts.get(key);
    const files = first ? [first.documentId, ...first.also.map((p) => p.documentId)] : [];
    if (first && !files.includes(hit.documentId)) {
      first.also.push(placeOf(hit));
      first.also.sort((x, y) => fileRank(x.mediaType) - fileRank(y.mediaType));
      continue;
    }
    if (!first) firsts.set(key, hit);
    kept.push(hit);
  }
  return kept;
}

const placeOf = (p: FilePlace): FilePlace => ({
  documentId: p.documentId,
  mediaType: p.mediaType,
  start: p.start,
  end: p.end,
  ...(p.page !== undefined ? { page: p.page } : {}),
});

/** Every place of a hit: its own, then its other files'. */
export const placesOf = (hit: SourcedHit): FilePlace[] => [placeOf(hit), ...hit.also];

export interface SourceGroup<T extends SourcedHit> {
  sourceId: SourceId;
  /** the files any of its hits are in, PDF first: the researcher chooses among these */
  files: { documentId: DocumentId; mediaType: MediaType }[];
  hits: T[];
}

/** Hits under their source, each source where its best hit was, its hits in their order. */
export function groupBySource<T extends SourcedHit>(hits: readonly T[]): SourceGroup<T>[] {
  const groups = new Map<SourceId, SourceGroup<T>>();
  for (const hit of hits) {
    let group = groups.get(hit.sourceId);
    if (!group) {
      group = { sourceId: hit.sourceId, files: [], hits: [] };
      groups.set(hit.sourceId, group);
    }
    group.hits.push(hit);
    for (const p of placesOf(hit))
      if (!group.files.some((f) => f.documentId === p.documentId))
        group.files.push({ documentId: p.documentId, mediaType: p.mediaType });
  }
  for (const g of groups.values())
    g.files.sort((x, y) => fileRank(x.mediaType) - fileRank(y.mediaType));
  return [...groups.values()];
}

/** The place a hit opens: in the chosen file when the passage is there, else its first file's. */
export function placeIn(hit: SourcedHit, chosen: DocumentId | null | undefined): FilePlace {
  const places = placesOf(hit);
  return places.find((p) => p.documentId === chosen) ?? places[0]!;
}
