import type { Vocabulary, VocabularyList } from '../../shared/api-entities';
import { fold } from '../../shared/match-names';
import { AppError } from '../errors';
import { now } from '../ids';
import { registerSnapshotKind } from './history';
import { journaled, registerReader } from './journal';
import type { Db } from './open';

/** The per-workspace lists: entity kinds and claim types, in the researcher's order. */
export function listVocabulary(db: Db): Vocabulary {
  return {
    entity_kind: vocabularyOf(db, 'entity_kind'),
    claim_type: vocabularyOf(db, 'claim_type'),
  };
}

export function vocabularyOf(db: Db, list: VocabularyList): string[] {
  return (
    db.prepare('SELECT value FROM vocabulary WHERE list = ? ORDER BY position').all(list) as {
      value: string;
    }[]
  ).map((r) => r.value);
}

function putList(db: Db, list: VocabularyList, values: string[]): void {
  db.prepare('DELETE FROM vocabulary WHERE list = ?').run(list);
  const insert = db.prepare('INSERT INTO vocabulary (list, value, position) VALUES (?, ?, ?)');
  values.forEach((value, i) => insert.run(list, value, i));
}

registerSnapshotKind('vocabulary', {
  order: 5,
  put: (db, value) => {
    const v = value as { list: VocabularyList; values: string[] };
    putList(db, v.list, v.values);
  },
  remove: (db, list) => db.prepare('DELETE FROM vocabulary WHERE list = ?').run(list),
  documentsOf: () => [],
});
registerReader('vocabulary', (db, list) => ({
  list,
  values: vocabularyOf(db, list as VocabularyList),
}));

const USERS = {
  entity_kind: {
    table: 'entities',
    column: 'kind',
    kind: 'entity',
    noun: ['entity is', 'entities are'],
  },
  claim_type: { table: 'claims', column: 'type', kind: 'claim', noun: ['claim is', 'claims are'] },
} as const;

/** A value as quoted in a message: long ones are cut. */
const shown = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

const LABEL: Record<VocabularyList, string> = {
  entity_kind: 'edit entity kinds',
  claim_type: 'edit claim types',
};
const WHAT: Record<VocabularyList, string> = {
  entity_kind: 'entity kind',
  claim_type: 'claim type',
};

/** Throws unless `value` is in the list: entities and claims only use the workspace's own terms. */
export function assertInVocabulary(db: Db, list: VocabularyList, value: string): void {
  const values = vocabularyOf(db, list);
  if (!values.includes(value)) {
    throw new AppError(
      'invalid_input',
      `"${shown(value)}" is not one of this workspace's ${WHAT[list]}s (${values.join(', ')}). Add it to the list first.`,
    );
  }
}

/**
 * Replaces a list. A value still used by entities or claims cannot simply disappear: the caller
 * renames it (`renames: [{ from, to }]`, applied to the entities or claims in the same undoable step)
 * or changes them first.
 */
export function setVocabulary(
  db: Db,
  list: VocabularyList,
  values: string[],
  renameList: { from: string; to: string }[] = [],
): Vocabulary {
  const renames = new Map(renameList.map((r) => [r.from, r.to]));
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(fold(v))) throw new AppError('invalid_input', `"${shown(v)}" is listed twice.`);
    seen.add(fold(v));
  }
  return journaled(db, LABEL[list], (journal) => {
    const current = vocabularyOf(db, list);
    const users = USERS[list];
    for (const [from, to] of renames) {
      if (!current.includes(from))
        throw new AppError(
          'invalid_input',
          `There is no ${WHAT[list]} "${shown(from)}" to rename.`,
        );
      if (!values.includes(to)) {
        throw new AppError(
          'invalid_input',
          `"${shown(from)}" is renamed to "${shown(to)}", which is not in the new list.`,
        );
      }
    }
    for (const old of current) {
      if (values.includes(old) || renames.has(old)) continue;
      const { n } = db
        .prepare(`SELECT count(*) AS n FROM ${users.table} WHERE ${users.column} = ?`)
        .get(old) as {
        n: number;
      };
      if (n > 0) {
        throw new AppError(
          'conflict',
          `${n} ${users.noun[n === 1 ? 0 : 1]} of ${WHAT[list]} "${shown(old)}", so it cannot be removed. ` +
            `Rename it instead, or change those ${users.kind === 'entity' ? 'entities' : 'claims'} first.`,
        );
      }
    }
    journal.touch('vocabulary', list);
    const at = now();
    for (const [from, to] of renames) {
      if (from === to) continue;
      const ids = db
        .prepare(`SELECT id FROM ${users.table} WHERE ${users.column} = ?`)
        .all(from) as { id: string }[];
      for (const { id } of ids) journal.touch(users.kind, id);
      db.prepare(
        `UPDATE ${users.table} SET ${users.column} = ?, updated_at = ? WHERE ${users.column} = ?`,
      ).run(to, at, from);
    }
    putList(db, list, values);
    return listVocabulary(db);
  });
}
