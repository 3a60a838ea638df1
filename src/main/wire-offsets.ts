/**
 * The backend's side of "code points at every public boundary" (src/shared/wire-offsets.ts).
 *
 * Storage, search and anchoring keep counting UTF-16 code units, the unit of JavaScript strings;
 * only what crosses the RPC boundary is in code points. The conversion is declared here once per
 * method that carries offsets, and rpc.ts applies it around every call, so no handler does offset
 * arithmetic of its own and every shell (Electron, HTTP, CLI) gets the same answer. A declared
 * table, rather than a conversion call inside each handler, keeps the list of offset-carrying
 * methods in one reviewable place; rpc.test.ts checks that every input schema with a position in
 * it is in the table.
 */
import type { Method, Output, ParsedInput } from '../shared/api';
import type { Snippet } from '../shared/api-search';
import type { DocumentId, TextAnchor } from '../shared/model';
import type { FilePlace } from '../shared/source-groups';
import {
  mapClaim,
  mapContent,
  mapMention,
  mapPageItems,
  mapRange,
  mapSnippet,
  sameOffset,
  toPoints,
  toUnits,
  type MapOffset,
} from '../shared/wire-offsets';
import type { Db } from './db/open';
import { cached } from './db/statements';

/** The conversion for each document's text, in one direction. */
export type DocOffsets = (documentId: DocumentId) => MapOffset;

interface Codec<M extends Method> {
  /** code points → UTF-16, before the handler */
  input?: (input: ParsedInput<M>, at: DocOffsets) => ParsedInput<M>;
  /** UTF-16 → code points, after the handler (the input says which document, where needed) */
  output?: (output: Output<M>, at: DocOffsets, input: ParsedInput<M>) => Output<M>;
}

const claimOut = <C extends { documentId: DocumentId; spans: TextAnchor[] }>(
  c: C,
  at: DocOffsets,
) => mapClaim(c, at(c.documentId));
const mentionOut = <M extends { documentId: DocumentId; anchor: TextAnchor }>(
  m: M,
  at: DocOffsets,
) => mapMention(m, at(m.documentId));
/**
 * A passage as start/end beside its documentId: a search hit, table row or card (its first
 * passage), a suggested mention, or a mention to make.
 */
const passage = <R extends { documentId: DocumentId; start: number; end: number }>(
  r: R,
  at: DocOffsets,
) => mapRange(r, at(r.documentId));
/** A hit that is also in other files of its work (shared/source-groups.ts): each place its own. */
const sourced = <
  R extends { documentId: DocumentId; start: number; end: number; also: FilePlace[] },
>(
  r: R,
  at: DocOffsets,
) => ({ ...passage(r, at), also: r.also.map((p) => passage(p, at)) });
const snippetOut = <H extends { snippet: Snippet }>(hit: H): H => ({
  ...hit,
  snippet: mapSnippet(hit.snippet, toPoints),
});

export const OFFSET_CODECS: { [M in Method]?: Codec<M> } = {
  'documents.content': { output: (c, at) => mapContent(c, at(c.id)) },
  'documents.pageMap': {
    output: (map, at, { id }) => ({ ...map, items: mapPageItems(map.items, at(id)) }),
  },
  'claims.list': { output: (list, at) => list.map((c) => claimOut(c, at)) },
  'claims.create': {
    input: (input, at) => mapClaim(input, at(input.documentId)),
    output: claimOut,
  },
  'claims.update': { output: claimOut },
  'claims.delete': { output: ({ deleted }, at) => ({ deleted: claimOut(deleted, at) }) },
  'claims.search': {
    output: (hits, at) => hits.map((h) => ({ ...h, claim: claimOut(h.claim, at) })),
  },
  'claims.query': {
    output: (page, at) => ({ ...page, rows: page.rows.map((r) => passage(r, at)) }),
  },

  'mentions.list': { output: (list, at) => list.map((m) => mentionOut(m, at)) },
  'mentions.create': { input: passage, output: mentionOut },
  'mentions.delete': { output: ({ deleted }, at) => ({ deleted: mentionOut(deleted, at) }) },
  'mentions.suggest': {
    output: (s, at) => ({ ...s, candidates: s.candidates.map((c) => sourced(c, at)) }),
  },
  'mentions.accept': {
    input: (input, at) => ({ candidates: input.candidates.map((c) => passage(c, at)) }),
    output: (r, at) => ({ ...r, created: r.created.map((m) => mentionOut(m, at)) }),
  },
  'mentions.dismiss': {
    input: (input, at) => ({ candidates: input.candidates.map((c) => passage(c, at)) }),
  },
  'entities.get': {
    output: (detail, at) => ({
      ...detail,
      mentions: detail.mentions.map((m) => mentionOut(m, at)),
      claims: detail.claims.map((c) => ({ ...c, claim: claimOut(c.claim, at) })),
    }),
  },

  'search.query': {
    // a snippet's highlights count in the snippet's own text; a hit's start/end in its document's
    output: (r, at) => ({
      ...r,
      passages: r.passages.map((p) => snippetOut(sourced(p, at))),
      claims: r.claims.map((c) => snippetOut(passage(c, at))),
      entities: r.entities.map(snippetOut),
      notebooks: r.notebooks.map(snippetOut),
    }),
  },
  'analysis.cards': { output: (cards, at) => cards.map((c) => passage(c, at)) },
  'analysis.board': {
    output: (board, at) => ({
      ...board,
      groups: board.groups.map((g) => ({ ...g, claims: g.claims.map((c) => passage(c, at)) })),
    }),
  },
  'notebooks.claimCards': {
    output: (cards, at) => cards.map((c) => (c.deleted ? c : passage(c, at))),
  },
};

/**
 * Each document's text converter, made when first asked for and kept for one call. A text
 * without characters outside the Basic Multilingual Plane (most) converts as the identity. Which
 * texts have such characters is remembered per document (document_text_astral, migration 0013):
 * finding out is a GLOB over the whole text, which SQLite answers without handing the text over,
 * but a search answering from many large documents paid it for each of them on every request. A
 * document that does not exist converts as the identity: the handler then says it is not found.
 */
export function docOffsets(db: Db, make: (text: string) => MapOffset): DocOffsets {
  const astral = `*[${String.fromCodePoint(0x10000)}-${String.fromCodePoint(0x10ffff)}]*`;
  const remembered = cached(
    db,
    'SELECT astral FROM document_text_astral WHERE document_id = ?',
    'pluck',
  );
  const find = cached(db, 'SELECT text GLOB ? AS astral FROM documents WHERE id = ?', 'pluck');
  const text = cached(db, 'SELECT text FROM documents WHERE id = ?', 'pluck');
  const remember = cached(
    db,
    'INSERT OR REPLACE INTO document_text_astral (document_id, astral) VALUES (?, ?)',
  );
  const made = new Map<DocumentId, MapOffset>();
  return (id) => {
    let f = made.get(id);
    if (!f) {
      let hasAstral = remembered.get(id) as number | undefined;
      if (hasAstral === undefined) {
        hasAstral = find.get(astral, id) as number | undefined;
        if (hasAstral !== undefined) rememberQuietly(() => remember.run(id, hasAstral));
      }
      f = hasAstral ? make(text.get(id) as string) : sameOffset;
      made.set(id, f);
    }
    return f;
  };
}

/** A remembered answer is only a saving: a read-only (damaged) workspace answers without it. */
function rememberQuietly(write: () => unknown): void {
  try {
    write();
  } catch {
    // SQLITE_READONLY and the like: next time it is found again
  }
}

/** A method's input with its positions in UTF-16 (the handlers' unit). */
export function inputToUnits<M extends Method>(db: Db, method: M, input: ParsedInput<M>) {
  const codec = OFFSET_CODECS[method] as Codec<M> | undefined;
  return codec?.input ? codec.input(input, docOffsets(db, toUnits)) : input;
}

/**
 * A method's answer with its positions in code points. Its own converters, not the input's: the
 * call may have changed a text (an OCR run reads pages again).
 */
export function outputToPoints<M extends Method>(
  db: Db,
  method: M,
  input: ParsedInput<M>,
  output: Output<M>,
) {
  const codec = OFFSET_CODECS[method] as Codec<M> | undefined;
  return codec?.output ? codec.output(output, docOffsets(db, toPoints), input) : output;
}
