import type { Timeline } from './api-analysis';

/**
 * The timeline with one entry per claim, in the wire's order (time order): what the chart, its
 * hit-testing and the table read. Typed arrays: 100,000 claims are seven flat arrays, not objects.
 */
export interface TimelineClaims {
  claimIds: Timeline['claimIds'];
  eventStart: Int32Array;
  eventEnd: Int32Array;
  /** -1 where the document has no publication date */
  publishedStart: Int32Array;
  publishedEnd: Int32Array;
  typeIndex: Int32Array;
  types: string[];
  documentIndex: Int32Array;
  documents: Timeline['documents'];
  /** "B2", "A–", "" when ungraded: one per claim, from the wire's `grades` */
  grades: string[];
  undated: number;
}

/** Expands the wire's groups to one entry per claim. */
export function timelineClaims(t: Timeline): TimelineClaims {
  const n = t.claimIds.length;
  const out: TimelineClaims = {
    claimIds: t.claimIds,
    eventStart: new Int32Array(n),
    eventEnd: new Int32Array(n),
    publishedStart: new Int32Array(n),
    publishedEnd: new Int32Array(n),
    typeIndex: new Int32Array(n),
    types: t.types,
    documentIndex: new Int32Array(n),
    documents: t.documents,
    grades: new Array<string>(n),
    undated: t.undated,
  };
  const g = t.groups;
  let at = 0;
  for (let k = 0; k < g.size.length; k++) {
    const end = at + g.size[k]!;
    if (end > n) throw new Error('The timeline groups hold more claims than it names.');
    const doc = t.documents[g.documentIndex[k]!]!;
    out.eventStart.fill(g.eventStart[k]!, at, end);
    out.eventEnd.fill(g.eventEnd[k]!, at, end);
    out.publishedStart.fill(doc.publishedStart, at, end);
    out.publishedEnd.fill(doc.publishedEnd, at, end);
    out.typeIndex.fill(g.typeIndex[k]!, at, end);
    out.documentIndex.fill(g.documentIndex[k]!, at, end);
    out.grades.fill(t.grades[g.gradeIndex[k]!]!, at, end);
    at = end;
  }
  if (at !== n) throw new Error('The timeline groups hold fewer claims than it names.');
  return out;
}
