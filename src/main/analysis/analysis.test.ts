import { timelineClaims } from '../../shared/timeline-claims';
import { DOMParser } from '@xmldom/xmldom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClaimId, EntityId } from '../../shared/model';
import { NETWORK_EDGE_KINDS, type NetworkEdgeKind } from '../../shared/api-analysis';
import { epochDay } from '../../shared/partial-date';
import { openBackend } from '../backend';
import { main } from '../cli';
import { createClaim, updateClaim } from '../db/claims';
import { putEntity } from '../db/entities';
import type { Db } from '../db/open';
import { buildClaimsFixture, KHALIMOV, KHUJAND, REUTERS, T0 } from '../test/claims-fixture';
import { rpcOf } from '../test/rpc';
import { SAMPLE_TEXT, tempBackend, tempDir } from '../test/workspace';

const HOSTILE = 'ent_0000000000ff' as EntityId;

/** The fixture plus the two tolls as claims of their own, contradicting each other. */
async function analysed(db: Db) {
  const fixture = await buildClaimsFixture(db);
  putEntity(db, {
    id: HOSTILE,
    kind: 'organization',
    name: 'Evil <script> & "quotes" \u0001 ]]>',
    aliases: [],
    description: '',
    externalIds: {},
    createdAt: T0,
    updatedAt: T0,
  });
  const at = (quote: string) => {
    const start = SAMPLE_TEXT.indexOf(quote);
    return { start, end: start + quote.length };
  };
  const claim = (quote: string, patch: Parameters<typeof updateClaim>[2]) => {
    const c = createClaim(db, { documentId: fixture.doc.id, spans: [at(quote)] });
    return updateClaim(db, c.id, { type: 'statistic', ...patch });
  };
  const low = claim('at least 27 people dead', {
    subjectIds: [KHUJAND],
    claimantId: REUTERS,
    eventDate: '2018-11-07',
  });
  const high = claim('closer to 50', {
    subjectIds: [KHUJAND, HOSTILE],
    eventDate: '2018-11-07',
    stance: 'asserts',
  });
  return { ...fixture, low, high };
}

describe('evidence board', () => {
  it('groups an entity’s claims into propositions, by stance, with contradictions between them', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const { claims, low, high } = await analysed(backend.db);
    await rpc('relations.create', { fromClaimId: low.id, toClaimId: high.id, kind: 'contradicts' });
    await rpc('relations.create', {
      fromClaimId: claims.riot.id,
      toClaimId: low.id,
      kind: 'supports',
    });

    const board = await rpc('analysis.board', { focus: { entityId: KHUJAND } });
    expect(board.focus).toMatchObject({ kind: 'entity', entity: { id: KHUJAND, name: 'Khujand' } });
    // riot, low, high and the Cyrillic claim name Khujand
    expect(board.total).toBe(4);
    const groupOf = (id: ClaimId) => board.groups.find((g) => g.claims.some((c) => c.id === id))!;
    expect(groupOf(claims.riot.id)).toBe(groupOf(low.id));
    expect(groupOf(high.id)).not.toBe(groupOf(low.id));
    expect(groupOf(claims.cyrillic.id).stance).toBe('questions');
    expect(board.contradictions).toHaveLength(1);
    expect([board.contradictions[0]!.fromGroup, board.contradictions[0]!.toGroup].sort()).toEqual(
      [groupOf(low.id).id, groupOf(high.id).id].sort(),
    );
    // a card carries what the board shows: quote, source, grade, date, support
    const lowCard = groupOf(low.id).claims.find((c) => c.id === low.id)!;
    expect(lowCard).toMatchObject({
      quote: 'at least 27 people dead',
      documentTitle: expect.any(String),
      eventDate: '2018-11-07',
      corroboration: { supporters: [claims.riot.id], independentOrigins: 1 },
    });

    // from a claim: what is connected to it; filters narrow the board
    const fromClaim = await rpc('analysis.board', { focus: { claimId: high.id } });
    // high ↔ low (contradicts), low ← riot (supports), riot ← toll (refines, in the fixture)
    expect(fromClaim.total).toBe(4);
    const filtered = await rpc('analysis.board', {
      focus: { entityId: KHUJAND },
      filter: { type: 'statistic' },
    });
    expect(filtered.total).toBe(2);
    await rpc('grades.set', { target: 'entity', id: REUTERS, reliability: 'B' });
    const graded = await rpc('analysis.board', {
      focus: { entityId: KHUJAND },
      filter: { minReliability: 'C' },
    });
    expect(graded.groups.flatMap((g) => g.claims.map((c) => c.id)).sort()).toEqual(
      [claims.riot.id, low.id].sort(),
    );
  });
});

describe('timeline', () => {
  it('draws partial dates as the intervals they stand for, beside the publication date', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const { claims, pdf } = await analysed(backend.db);
    updateClaim(backend.db, claims.vahdat.id, { eventDate: '2015/2016-03' });
    const t = timelineClaims(await rpc('analysis.timeline', {}));
    const row = (id: ClaimId) => t.claimIds.indexOf(id);
    const month = row(claims.cyrillic.id);
    expect(t.eventStart[month]).toBe(epochDay('2018-11-01'));
    expect(t.eventEnd[month]).toBe(epochDay('2018-12-01'));
    const day = row(claims.riot.id);
    expect(t.eventEnd[day]! - t.eventStart[day]!).toBe(1);
    const range = row(claims.vahdat.id);
    expect([t.eventStart[range], t.eventEnd[range]]).toEqual([
      epochDay('2015-01-01'),
      epochDay('2016-04-01'),
    ]);
    // the report was published in May 2019; the text file has no date
    expect(t.documents[t.documentIndex[range]!]!.id).toBe(pdf.id);
    expect([t.publishedStart[range], t.publishedEnd[range]]).toEqual([
      epochDay('2019-05-01'),
      epochDay('2019-06-01'),
    ]);
    expect(t.publishedStart[day]).toBe(-1);
    expect(t.undated).toBe(1); // the toll claim
    const onlyKhalimov = await rpc('analysis.timeline', { filter: { entityId: KHALIMOV } });
    expect(onlyKhalimov.claimIds).toEqual([claims.cyrillic.id]);
    const windowed = await rpc('analysis.timeline', { filter: { from: '2018-11-15', to: '2019' } });
    expect(windowed.claimIds).toEqual([claims.cyrillic.id]);
  });
});

describe('network', () => {
  it('links entities only through claims; each edge gives back the claims that make it', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const { claims, low, high } = await analysed(backend.db);
    const net = await rpc('analysis.network', {});
    const { source, target, kind, claimCount } = net.edges;
    expect([target.length, kind.length, claimCount.length]).toEqual(Array(3).fill(source.length));
    const ends = (i: number) => [net.nodes[source[i]!]!.id, net.nodes[target[i]!]!.id];
    const edge = (k: NetworkEdgeKind, a: EntityId, b: EntityId) => {
      const i = source.findIndex((_, i) => {
        const [s, t] = ends(i);
        return (
          NETWORK_EDGE_KINDS[kind[i]!] === k &&
          ((s === a && t === b) || (k === 'co-subject' && s === b && t === a))
        );
      });
      return i < 0 ? undefined : { source: ends(i)[0]!, target: ends(i)[1]!, count: claimCount[i] };
    };
    const claimsOf = (k: NetworkEdgeKind, a: EntityId, b: EntityId, input = {}) => {
      const e = edge(k, a, b)!;
      return rpc('analysis.networkLink', { ...input, kind: k, source: e.source, target: e.target });
    };
    expect(edge('claimant', REUTERS, KHUJAND)!.count).toBe(2);
    expect((await claimsOf('claimant', REUTERS, KHUJAND)).sort()).toEqual(
      [claims.riot.id, low.id].sort(),
    );
    expect(await claimsOf('co-subject', KHALIMOV, KHUJAND)).toEqual([claims.cyrillic.id]);
    expect(await claimsOf('co-subject', KHUJAND, HOSTILE)).toEqual([high.id]);
    // an edge's claims follow the same filter as the network: none once a date window drops them
    expect(
      await claimsOf('co-subject', KHALIMOV, KHUJAND, { filter: { from: '1990', to: '1991' } }),
    ).toEqual([]);
    // no claim links Reuters and Khalimov
    expect(edge('claimant', REUTERS, KHALIMOV) ?? edge('co-subject', REUTERS, KHALIMOV)).toBe(
      undefined,
    );
    expect(
      await rpc('analysis.networkLink', { kind: 'co-subject', source: REUTERS, target: KHALIMOV }),
    ).toEqual([]);
    expect(net.nodes.find((n) => n.id === KHUJAND)).toMatchObject({ kind: 'place', claimCount: 4 });

    const people = await rpc('analysis.network', { kinds: ['person', 'place'] });
    expect(people.nodes.map((n) => n.id).sort()).toEqual([KHALIMOV, KHUJAND].sort());
    const claimantsOnly = await rpc('analysis.network', { edgeKinds: ['claimant'] });
    expect(claimantsOnly.edges.kind.every((k) => NETWORK_EDGE_KINDS[k] === 'claimant')).toBe(true);
  });

  it('exports GraphML and GEXF that a standard XML parser reads back, hostile names included', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const { high } = await analysed(backend.db);
    const errors: string[] = [];
    const parse = (text: string) =>
      new DOMParser({
        errorHandler: {
          warning: () => {},
          error: (m) => errors.push(m),
          fatalError: (m) => errors.push(m),
        },
      }).parseFromString(text, 'application/xml');

    const graphml = await rpc('export.network', { format: 'graphml' });
    expect(graphml.fileName).toMatch(/\.graphml$/);
    const g = parse(graphml.text);
    expect(errors).toEqual([]);
    expect(g.documentElement!.localName).toBe('graphml');
    expect(g.documentElement!.namespaceURI).toBe('http://graphml.graphdrawing.org/xmlns');
    const nodes = Array.from(g.getElementsByTagName('node'));
    const edges = Array.from(g.getElementsByTagName('edge'));
    const net = await rpc('analysis.network', {});
    expect(nodes).toHaveLength(net.nodes.length);
    expect(edges).toHaveLength(net.edges.source.length);
    const hostile = nodes.find((n) => n.getAttribute('id') === HOSTILE)!;
    expect(hostile.getElementsByTagName('data')[0]!.textContent).toBe(
      'Evil <script> & "quotes" \uFFFD ]]>',
    );
    const claimIdsOf = (e: Element) =>
      Array.from(e.getElementsByTagName('data')).find((d) => d.getAttribute('key') === 'claim_ids')!
        .textContent;
    expect(edges.some((e) => claimIdsOf(e) === high.id)).toBe(true);

    const gexf = parse((await rpc('export.network', { format: 'gexf' })).text);
    expect(errors).toEqual([]);
    expect(gexf.documentElement!.getAttribute('version')).toBe('1.3');
    const gexfEdges = Array.from(gexf.getElementsByTagName('edge'));
    expect(gexfEdges).toHaveLength(net.edges.source.length);
    expect(
      gexfEdges.some((e) =>
        Array.from(e.getElementsByTagName('attvalue')).some(
          (a) => a.getAttribute('for') === 'claim_ids' && a.getAttribute('value') === high.id,
        ),
      ),
    ).toBe(true);
  });
});

describe('claimdesk export --format graphml|gexf', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes the network for Gephi', async () => {
    const dir = tempDir();
    const backend = openBackend(dir, 'cli');
    await analysed(backend.db);
    backend.close();
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['export', '--format', 'graphml', '--data-dir', dir])).toBe(0);
    expect(out).toMatch(/^<\?xml[^]*<graphml[^]*<edge [^]*claim_ids[^]*<\/graphml>\n$/);
    out = '';
    expect(await main(['export', '--format', 'gexf', '--data-dir', dir])).toBe(0);
    expect(out).toMatch(/<gexf [^]*<\/gexf>\n$/);
  });
});
