import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rpcOf } from './test/rpc';
import { tempBackend } from './test/workspace';

const CORPUS = process.env.CLAIMDESK_CORPUS ?? resolve(process.cwd(), '../shared/corpus');

function corpusFile(prefix: string): string | null {
  if (!existsSync(CORPUS)) return null;
  const name = readdirSync(CORPUS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  return name ? join(CORPUS, name) : null;
}

describe('auto-mentions over the sample corpus', () => {
  it('finds Gulmurod Khalimov in the country profile (000) and, by his alias, in the opinion piece (004)', async (ctx) => {
    const profileFile = corpusFile('000_');
    const opinionFile = corpusFile('004_');
    if (!profileFile || !opinionFile) {
      console.warn(
        `corpus test skipped: no 000_*.txt and 004_*.txt in ${CORPUS} (set CLAIMDESK_CORPUS)`,
      );
      ctx.skip();
      return;
    }
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const documents = [];
    for (const file of [profileFile, opinionFile]) {
      const bytes = new Uint8Array(readFileSync(file));
      const { document } = await rpc('documents.import', {
        fileName: file.split('/').pop()!,
        bytes,
      });
      documents.push(document);
    }
    const [profile, opinion] = documents;
    const person = await rpc('entities.create', {
      kind: 'person',
      name: 'Gulmurod Khalimov',
      aliases: ['Gumurod Halimov'],
    });
    const isis = await rpc('entities.create', { kind: 'organization', name: 'ISIS' });

    const { candidates } = await rpc('mentions.suggest', { entityId: person.id });
    const inProfile = candidates.filter((c) => c.documentId === profile!.id);
    const inOpinion = candidates.filter((c) => c.documentId === opinion!.id);
    expect(inProfile.length).toBeGreaterThanOrEqual(2);
    expect(new Set(inProfile.map((c) => c.exact))).toEqual(new Set(['Gulmurod Khalimov']));
    expect(inOpinion.map((c) => c.matched)).toContain('Gumurod Halimov');
    for (const c of candidates) {
      const { text } = await rpc('documents.content', { id: c.documentId });
      expect(text.slice(c.start, c.end)).toBe(c.exact);
    }

    // whole words: 004 speaks of a "crisis", which is not ISIS
    const { text: opinionText } = await rpc('documents.content', { id: opinion!.id });
    expect(opinionText).toMatch(/crisis/);
    const isisInOpinion = (
      await rpc('mentions.suggest', { entityId: isis.id, documentId: opinion!.id })
    ).candidates;
    expect(isisInOpinion.length).toBeGreaterThan(0);
    expect(
      isisInOpinion.every(
        (c) => c.exact === 'ISIS' && !/\p{L}/u.test(opinionText[c.start - 1] ?? ''),
      ),
    ).toBe(true);

    const accepted = await rpc('mentions.accept', {
      candidates: candidates.map(({ documentId, entityId, start, end }) => ({
        documentId,
        entityId,
        start,
        end,
      })),
    });
    expect(accepted.created).toHaveLength(candidates.length);
    const page = await rpc('entities.get', { id: person.id });
    expect(new Set(page.mentions.map((m) => m.documentId))).toEqual(
      new Set([profile!.id, opinion!.id]),
    );
  });
});
