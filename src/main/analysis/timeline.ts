import type { AnalysisFilter, Timeline } from '../../shared/api-analysis';
import { gradeText, type Credibility, type Reliability } from '../../shared/grading';
import type { ClaimId, DocumentId } from '../../shared/model';
import { dateIntervals } from '../../shared/partial-date';
import { GRADED_CLAIMS_SQL } from '../db/grades';
import type { Db } from '../db/open';
import { claimFilterSql, GRADE_COLUMNS_SQL, gradeAndDateTest } from './claim-set';

/** A group of claims that share everything the timeline draws and filters on. */
interface Group {
  /** the order its first claim was made in: groups that tie in time keep it */
  first: number;
  documentIndex: number;
  eventDate: string | null;
  type: string;
  reliability: Reliability | null;
  credibility: Credibility | null;
  /** the claims' positions in the ids SQLite returned */
  members: number[];
}

/**
 * A claim's group key, made by SQLite: document rowid | reliability | credibility | length of the
 * event date | the event date followed by the type. The event date's length in UTF-8 bytes says
 * where the type begins, so neither needs a separator it cannot hold (bytes, not characters:
 * SQLite's length() stops at a NUL character).
 */
const GROUP_KEY_SQL = `document_row || '|' || ifnull(reliability, '') || '|' || ifnull(credibility, '')
  || '|' || octet_length(ifnull(event_date, '')) || '|' || ifnull(event_date, '') || type`;

function parseKey(key: string, first: number, docIndex: Map<number, number>): Group {
  const fields: string[] = [];
  let at = 0;
  for (let i = 0; i < 4; i++) {
    const bar = key.indexOf('|', at);
    fields.push(key.slice(at, bar));
    at = bar + 1;
  }
  // SQLite's text is UTF-8, so the byte length splits it exactly (once per group, not per claim)
  const rest = Buffer.from(key.slice(at), 'utf8');
  const dateBytes = Number(fields[3]);
  return {
    first,
    documentIndex: docIndex.get(Number(fields[0]))!,
    eventDate: dateBytes > 0 ? rest.subarray(0, dateBytes).toString('utf8') : null,
    type: rest.subarray(dateBytes).toString('utf8'),
    reliability: (fields[1] || null) as Reliability | null,
    credibility: (fields[2] ? Number(fields[2]) : null) as Credibility | null,
    members: [],
  };
}

/**
 * The timeline's data: each dated claim's event date as the interval it stands for, beside its
 * source's publication date (when it was reported vs when it happened), grouped (see Timeline).
 *
 * SQLite hands over two JSON arrays (the claims' ids and group keys) instead of a row per claim:
 * 100,000 rows cost most of the first render in row objects and garbage collection, and two
 * strings parse in a few milliseconds. Dates, grades and the filters' grade and date tests are then
 * worked out once per group, by the shared rules (dateIntervals, gradeText, gradeAndDateTest).
 */
export function timelineData(db: Db, filter: AnalysisFilter): Timeline {
  const documents = db
    .prepare(`SELECT rowid, id, meta ->> '$.title', meta ->> '$.publishedDate' FROM documents`)
    .raw()
    .all() as [number, DocumentId, string, string | null][];
  const intervalOf = dateIntervals();
  const docIndex = new Map<number, number>();
  documents.forEach(([rowid], i) => docIndex.set(rowid, i));
  const { where, params } = claimFilterSql(filter);
  const [idsJson, keysJson] = db
    .prepare(
      `WITH graded(id) AS (${GRADED_CLAIMS_SQL})
       SELECT json_group_array(id), json_group_array(${GROUP_KEY_SQL}) FROM (
         SELECT c.id, d.rowid AS document_row, c.event_date, c.type, ${GRADE_COLUMNS_SQL}
         FROM claims c JOIN documents d ON d.id = c.document_id
         ${where} ORDER BY c.rowid
       )`,
    )
    .raw()
    .get(params) as [string, string];
  const ids = JSON.parse(idsJson) as ClaimId[];
  const keys = JSON.parse(keysJson) as string[];

  const groupOf = new Map<string, Group>();
  for (let i = 0; i < keys.length; i++) {
    let group = groupOf.get(keys[i]!);
    if (!group) {
      group = parseKey(keys[i]!, groupOf.size, docIndex);
      groupOf.set(keys[i]!, group);
    }
    group.members.push(i);
  }

  const passes = gradeAndDateTest(filter);
  let undated = 0;
  const dated: (Group & { start: number; end: number })[] = [];
  for (const group of groupOf.values()) {
    if (passes && !passes(group, group.eventDate)) continue;
    const span = group.eventDate ? intervalOf(group.eventDate) : null;
    if (span) dated.push({ ...group, ...span });
    else undated += group.members.length;
  }
  dated.sort((a, b) => a.start - b.start || b.end - a.end || a.first - b.first);

  const types: string[] = [];
  const grades: string[] = [];
  const indexIn = (list: string[], value: string) => {
    const i = list.indexOf(value);
    return i >= 0 ? i : list.push(value) - 1;
  };
  const out: Timeline = {
    groups: {
      eventStart: [],
      eventEnd: [],
      typeIndex: [],
      documentIndex: [],
      gradeIndex: [],
      size: [],
    },
    claimIds: [],
    types,
    grades,
    documents: documents.map(([, id, title, date]) => {
      const published = date ? intervalOf(date) : null;
      return {
        id,
        title,
        publishedStart: published ? published.start : -1,
        publishedEnd: published ? published.end : -1,
      };
    }),
    undated,
  };
  const g = out.groups;
  for (const group of dated) {
    g.eventStart.push(group.start);
    g.eventEnd.push(group.end);
    g.typeIndex.push(indexIn(types, group.type));
    g.documentIndex.push(group.documentIndex);
    g.gradeIndex.push(indexIn(grades, gradeText(group)));
    g.size.push(group.members.length);
    for (const i of group.members) out.claimIds.push(ids[i]!);
  }
  return out;
}
