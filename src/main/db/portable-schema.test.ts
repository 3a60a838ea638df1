/**
 * A workspace opens in standard tools: every schema object parses in SQLite 3.37 (checked by what
 * newer SQLite added, since only one SQLite is at hand), Debian's `sqlite3` shell reads the schema
 * and the documented views, and so does Python's sqlite3 module (which uses the system SQLite).
 * The tools are optional: where one is absent its test says so and is skipped (CI installs both).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../backend';
import { buildClaimsFixture } from '../test/claims-fixture';
import { tempDir } from '../test/workspace';
import { DATABASE_FILE } from './open';

/** Syntax SQLite added after 3.37, which an older SQLite rejects as a malformed schema. */
const NEWER_THAN_3_37: [string, RegExp][] = [
  ['-> and ->> (3.38)', /->/],
  [
    'ORDER BY inside an aggregate (3.44)',
    /\b(?:group_concat|string_agg|json_group_array)\s*\([^()]*\bORDER\s+BY/i,
  ],
  ['string_agg, concat, concat_ws (3.44)', /\b(?:string_agg|concat|concat_ws)\s*\(/i],
  ['RIGHT and FULL joins (3.39)', /\b(?:RIGHT|FULL)\s+(?:OUTER\s+)?JOIN\b/i],
  ['IS [NOT] DISTINCT FROM (3.39)', /\bIS\s+(?:NOT\s+)?DISTINCT\s+FROM\b/i],
  ['unixepoch, timediff, octet_length (3.38-3.43)', /\b(?:unixepoch|timediff|octet_length)\s*\(/i],
  ['jsonb (3.45)', /\bjsonb/i],
];

const VIEWS = [
  'v_documents',
  'v_claims',
  'v_entities',
  'v_claim_entities',
  'v_mentions',
  'v_relations',
];

async function workspace(): Promise<{ file: string; counts: Record<string, number> }> {
  const dir = tempDir();
  const backend = openBackend(dir, 'cli');
  try {
    await buildClaimsFixture(backend.db);
    const counts = Object.fromEntries(
      VIEWS.map((v) => [
        v,
        backend.db.prepare(`SELECT count(*) FROM ${v}`).pluck().get() as number,
      ]),
    );
    return { file: join(dir, DATABASE_FILE), counts };
  } finally {
    backend.close();
  }
}

const available = (command: string, args: string[]) => {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error) console.warn(`[portable-schema] ${command} not found; skipping its test`);
  return !probe.error;
};

describe('the schema in standard tools', () => {
  it('uses nothing newer than SQLite 3.37 in any trigger, view or table', async () => {
    const { file } = await workspace();
    const db = openBackend(join(file, '..'), 'cli');
    try {
      const objects = db.db
        .prepare('SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL')
        .all() as { type: string; name: string; sql: string }[];
      const found = objects.flatMap((o) =>
        NEWER_THAN_3_37.filter(([, pattern]) => pattern.test(o.sql)).map(
          ([what]) => `${o.type} ${o.name}: ${what}`,
        ),
      );
      expect(found).toEqual([]);
    } finally {
      db.close();
    }
  });

  it.runIf(available('sqlite3', ['--version']))(
    'opens in the sqlite3 shell, which reads every view',
    async () => {
      const { file, counts } = await workspace();
      const schema = spawnSync('sqlite3', ['-bail', file, '.schema'], { encoding: 'utf8' });
      expect(schema.stderr).toBe('');
      expect(schema.status).toBe(0);
      expect(schema.stdout).toMatch(/CREATE VIEW v_claims/);
      for (const view of VIEWS) {
        const read = spawnSync(
          'sqlite3',
          ['-bail', '-readonly', file, `SELECT count(*) FROM ${view}`],
          {
            encoding: 'utf8',
          },
        );
        expect(read.stderr, view).toBe('');
        expect(Number(read.stdout.trim()), view).toBe(counts[view]);
      }
      const claims = spawnSync(
        'sqlite3',
        [
          '-json',
          '-readonly',
          file,
          'SELECT statement, quote, claimant, tags FROM v_claims ORDER BY created_at, id',
        ],
        { encoding: 'utf8' },
      );
      const rows = JSON.parse(claims.stdout) as {
        quote: string;
        claimant: string | null;
        tags: string | null;
      }[];
      expect(rows.map((r) => r.quote)).toContain('at least 27 people dead … closer to 50');
      expect(rows.some((r) => r.claimant === 'Reuters' && r.tags === 'prison; riot')).toBe(true);
    },
  );

  it.runIf(available('python3', ['--version']))(
    "opens in Python's sqlite3 module, which reads every view",
    async () => {
      const { file, counts } = await workspace();
      const script = [
        'import json, sqlite3, sys',
        "con = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)",
        `views = ${JSON.stringify(VIEWS)}`,
        'out = {v: con.execute("SELECT count(*) FROM " + v).fetchone()[0] for v in views}',
        "out['sqlite'] = sqlite3.sqlite_version",
        "out['titles'] = [r[0] for r in con.execute('SELECT title FROM v_documents ORDER BY title')]",
        'print(json.dumps(out))',
      ].join('\n');
      const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout) as Record<string, unknown>;
      for (const view of VIEWS) expect(out[view], view).toBe(counts[view]);
      expect(out.titles).toContain('A report');
    },
  );
});
