import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFilter } from '../../shared/api-search';
import { RELATION_KINDS, type Claim, type RelationId, type RelationKind } from '../../shared/model';
import { createClaim } from '../db/claims';
import { queryClaims } from '../db/claims-query';
import { getDocumentContent } from '../db/documents';
import { putRelation } from '../db/relations';
import { importDocument } from '../documents';
import { writePdf } from '../test/pdf-writer';
import {
  KHALIMOV,
  KHUJAND,
  PDF_TEXT,
  REUTERS,
  buildClaimsFixture,
  corpusFiles,
  importCorpusWithClaims,
} from '../test/claims-fixture';
import { hasCommand } from '../test/scans';
import { expectValid, isValid } from '../test/schemas';
import { SAMPLE_TEXT, tempBackend } from '../test/workspace';
import { claimsJsonText, exportClaimsJson, type ClaimsExport } from './claims-json';
import { CSV_COLUMNS, exportCsv } from './csv';
import { parseCsv } from '../test/csv';
import { CLAIMDESK_CONTEXT, W3C_CONTEXT, exportW3c } from './w3c';

const generator = 'Claimdesk test';

/** Code points [start, end) of a text, the way the W3C model counts. */
const byCodePoints = (text: string, start: number, end: number) =>
  [...text].slice(start, end).join('');

describe('claims JSON export', () => {
  it('is valid against the schema and carries provenance, code point positions and entities', async () => {
    const { db } = tempBackend();
    const { doc, pdf, claims } = await buildClaimsFixture(db);
    const data = exportClaimsJson(db, { generator });
    expectValid('claims', data);
    // the schema has teeth: a claim without provenance, or a UTF-16-style position, fails
    const broken = structuredClone(data) as unknown as { claims: Record<string, unknown>[] };
    delete broken.claims[0]!.source;
    expect(isValid('claims', broken)).toBe(false);
    expect(isValid('claims', { ...data, positionUnit: 'utf-16' })).toBe(false);
    expect(data).toMatchObject({
      format: 'claimdesk.claims',
      version: 2,
      scope: { kind: 'workspace' },
    });
    expect(data.documents.map((d) => d.id).sort()).toEqual([doc.id, pdf.id].sort());
    expect(data.claims).toHaveLength(4);
    expect(data.entities.map((e) => e.id).sort()).toEqual([REUTERS, KHALIMOV, KHUJAND].sort());
    expect(data.entities.find((e) => e.id === KHALIMOV)).toMatchObject({
      aliases: ['Gumurod Halimov', 'Халимов'],
      externalIds: { wikidata: 'Q20813186' },
    });

    // the Cyrillic claim sits after an emoji: its code point position differs from UTF-16
    const cyrillic = data.claims.find((c) => c.id === claims.cyrillic.id)!;
    const utf16 = claims.cyrillic.spans[0]!;
    expect(cyrillic.position.start).toBe(utf16.start - 1);
    expect(byCodePoints(SAMPLE_TEXT, cyrillic.position.start, cyrillic.position.end)).toBe(
      'в колонии',
    );
    expect(cyrillic.quote).toEqual({
      exact: 'в колонии',
      prefix: utf16.prefix,
      suffix: utf16.suffix,
    });
    for (const c of data.claims) {
      const text = c.documentId === pdf.id ? PDF_TEXT : SAMPLE_TEXT;
      for (const s of c.spans)
        expect(byCodePoints(text, s.position.start, s.position.end)).toBe(s.quote.exact);
      // every entity a claim names is in the entities array
      for (const id of [c.claimantId, c.placeId, ...c.subjectIds].filter(Boolean)) {
        expect(data.entities.some((e) => e.id === id)).toBe(true);
      }
    }

    const riot = data.claims.find((c) => c.id === claims.riot.id)!;
    expect(riot).toMatchObject({
      source: { documentId: doc.id, title: doc.meta.title, sha256: doc.sha256, sourceUrl: null },
      claimantId: REUTERS,
      subjectIds: [KHUJAND],
      placeId: KHUJAND,
      tags: ['prison', 'riot'],
      page: null,
      relations: [
        { id: 'rel_00000000000a', kind: 'refines', direction: 'incoming', claimId: claims.toll.id },
      ],
    });
    const toll = data.claims.find((c) => c.id === claims.toll.id)!;
    expect(toll.spans.map((s) => s.quote.exact)).toEqual([
      'at least 27 people dead',
      'closer to 50',
    ]);
    expect(toll.relations[0]).toMatchObject({ direction: 'outgoing', claimId: claims.riot.id });
    const vahdat = data.claims.find((c) => c.id === claims.vahdat.id)!;
    expect(vahdat.page).toEqual({ index: 1, label: 'v' });
    expect(vahdat.source).toMatchObject({
      authors: ['A. Author', 'B. Author'],
      publishedDate: '2019-05',
      sourceUrl: 'https://example.org/report.pdf',
    });
    expect(data.mentions).toEqual([
      expect.objectContaining({
        id: 'men_00000000000a',
        entityId: KHALIMOV,
        quote: expect.objectContaining({ exact: 'Gulmurod Khalimov' }),
      }),
    ]);
  });

  it('exports one document, or the claims a filter matches', async () => {
    const { db } = tempBackend();
    const { pdf, claims } = await buildClaimsFixture(db);
    const one = exportClaimsJson(db, { generator, documentId: pdf.id });
    expectValid('claims', one);
    expect(one.documents.map((d) => d.id)).toEqual([pdf.id]);
    expect(one.claims.map((c) => c.id)).toEqual([claims.vahdat.id]);
    expect(one.entities).toEqual([]);

    const filter = claimFilter.parse({ claimantId: REUTERS });
    const filtered = exportClaimsJson(db, { generator, filter });
    expectValid('claims', filtered);
    expect(filtered.scope).toEqual({ kind: 'filter', documentId: null, filter });
    expect(filtered.claims.map((c) => c.id)).toEqual([claims.riot.id]);
    expect(filtered.documents.map((d) => d.id)).toEqual([claims.riot.documentId]);
    expect(filtered.entities.map((e) => e.id).sort()).toEqual([REUTERS, KHUJAND].sort());
    expect(filtered.mentions).toEqual([]);
  });

  it('is valid for the sample corpus', async () => {
    const files = corpusFiles();
    if (!files) return;
    const { db } = tempBackend();
    const count = await importCorpusWithClaims(db, files);
    expect(count).toBeGreaterThan(20);
    const data: ClaimsExport = exportClaimsJson(db, { generator });
    expectValid('claims', data);
    expect(data.claims).toHaveLength(count);
    const texts = new Map(
      data.documents.map((d) => [d.id, getDocumentContent(db, d.id as never).text]),
    );
    for (const c of data.claims) {
      expect(byCodePoints(texts.get(c.documentId)!, c.position.start, c.position.end)).toBe(
        c.quote.exact,
      );
    }
    // the PDFs' claims know their page
    const pdfIds = new Set(
      data.documents.filter((d) => d.mediaType === 'application/pdf').map((d) => d.id),
    );
    const pdfClaims = data.claims.filter((c) => pdfIds.has(c.documentId));
    expect(pdfClaims.length).toBeGreaterThan(0);
    for (const c of pdfClaims) expect(c.page).not.toBeNull();
    expectValid('w3c', exportW3c(db, { generator }));
  });
});

describe('claims JSON text', () => {
  it('is laid out as JSON.stringify(…, null, 2) would, whatever the scope', async () => {
    const { db } = tempBackend();
    const canonical = (text: string) => `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
    // an empty workspace: every array empty
    const empty = claimsJsonText(db, { generator });
    expect(empty).toBe(canonical(empty));
    const { pdf } = await buildClaimsFixture(db);
    const scopes = [
      { generator },
      { generator, documentId: pdf.id },
      { generator, filter: claimFilter.parse({ claimantId: REUTERS }) },
      { generator, filter: claimFilter.parse({ claimantId: 'ent_000000000fff' }) },
    ];
    for (const scope of scopes) {
      const text = claimsJsonText(db, scope);
      expect(text).toBe(canonical(text));
    }
  });

  it('stays canonical and in reading order across the batches of a document with thousands of claims', async () => {
    const { db, registry } = tempBackend();
    const imported = await registry.call('documents.import', {
      fileName: 'long.txt',
      bytes: new TextEncoder().encode(SAMPLE_TEXT),
    });
    const documentId = (imported as { value: { document: { id: string } } }).value.document.id;
    // 2,500 claims: two full batches and a part, created back to front
    for (let i = 2_499; i >= 0; i--) {
      let start = i % (SAMPLE_TEXT.length - 10);
      // never inside a character (the emoji): such a passage is refused
      while (/[\uDC00-\uDFFF]/.test(SAMPLE_TEXT[start]! + SAMPLE_TEXT[start + 5]!)) start++;
      const created = await registry.call('claims.create', {
        documentId,
        spans: [{ start, end: start + 5 }],
        statement: `claim ${i}`,
      });
      expect(created.ok).toBe(true);
    }
    const text = claimsJsonText(db, { generator });
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const { claims } = JSON.parse(text) as ClaimsExport;
    expect(claims).toHaveLength(2_500);
    const starts = claims.map((c) => c.position.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('docs/export-format.md', () => {
  it('shows examples that the schemas accept', () => {
    const doc = readFileSync(join(process.cwd(), 'docs/export-format.md'), 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map(
      (m) => JSON.parse(m[1]!) as Record<string, unknown>,
    );
    expect(blocks).toHaveLength(2);
    expectValid('claims', blocks[0]);
    expectValid('w3cAnnotation', blocks[1]);
    // the context as documented is the one the exporter writes
    const context = /```jsonc\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(JSON.parse(context)).toEqual(CLAIMDESK_CONTEXT);
    expectValid('w3c', {
      '@context': W3C_CONTEXT,
      id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      type: 'AnnotationCollection',
      total: 1,
      first: {
        id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
        type: 'AnnotationPage',
        items: [blocks[1]],
      },
    });
  });
});

describe('W3C Web Annotation export', () => {
  it('emits a valid AnnotationCollection: claims, mentions and relations', async () => {
    const { db } = tempBackend();
    const { doc, pdf, claims } = await buildClaimsFixture(db);
    const data = exportW3c(db, { generator }) as {
      '@context': unknown;
      type: string;
      total: number;
      first: { items: Record<string, unknown>[] };
    };
    expectValid('w3c', data);
    expect(
      isValid('w3c', {
        ...data,
        first: { ...data.first, items: [{ type: 'Annotation', body: [] }] },
      }),
    ).toBe(false);
    expect(data['@context']).toEqual(W3C_CONTEXT);
    const items = data.first.items;
    // each annotation stands on its own: its own @context, the standard one first
    for (const item of items) {
      expect((item['@context'] as unknown[])[0]).toBe('http://www.w3.org/ns/anno.jsonld');
      expectValid('w3cAnnotation', item);
    }
    const { '@context': _dropped, ...contextless } = items[0]!;
    expect(isValid('w3cAnnotation', contextless)).toBe(false);
    expect(data.total).toBe(items.length);
    // 4 claims, 1 mention, 1 relation
    expect(items.filter((a) => a.motivation === 'describing')).toHaveLength(4);
    expect(items.filter((a) => a.motivation === 'identifying')).toHaveLength(1);
    expect(items.filter((a) => a.motivation === 'linking')).toHaveLength(1);

    const riot = items.find((a) => a.id === `urn:claimdesk:claim:${claims.riot.id}`)!;
    expect(riot.body).toEqual(
      expect.arrayContaining([
        {
          type: 'TextualBody',
          purpose: 'describing',
          value: 'a riot in the Khujand prison',
          format: 'text/plain',
        },
        { type: 'TextualBody', purpose: 'tagging', value: 'prison' },
        { type: 'TextualBody', purpose: 'tagging', value: 'riot' },
      ]),
    );
    // the roles in order: claimant, subjects, place (Khujand is both subject and place)
    expect((riot.body as Record<string, unknown>[]).filter((b) => 'role' in b)).toEqual([
      {
        type: 'SpecificResource',
        purpose: 'identifying',
        source: `urn:claimdesk:entity:${REUTERS}`,
        role: 'claimant',
      },
      {
        type: 'SpecificResource',
        purpose: 'identifying',
        source: `urn:claimdesk:entity:${KHUJAND}`,
        role: 'subject',
      },
      {
        type: 'SpecificResource',
        purpose: 'identifying',
        source: `urn:claimdesk:entity:${KHUJAND}`,
        role: 'place',
      },
    ]);
    // what the model has no words for, in Claimdesk's terms
    expect(riot).toMatchObject({
      claimType: 'event',
      stance: 'asserts',
      certainty: 'likely',
      eventDate: '2018-11-07',
    });
    expect(riot).not.toHaveProperty('hedges');
    const cyrillic = items.find((a) => a.id === `urn:claimdesk:claim:${claims.cyrillic.id}`)!;
    expect(cyrillic.body).toContainEqual({
      type: 'SpecificResource',
      purpose: 'identifying',
      source: 'http://www.wikidata.org/entity/Q20813186',
      role: 'subject',
    });
    expect(cyrillic).toMatchObject({ stance: 'questions', eventDate: '2018-11' });
    expect(cyrillic).not.toHaveProperty('certainty');
    const [target] = cyrillic.target as { source: string; selector: Record<string, unknown>[] }[];
    expect(target!.source).toBe(`urn:sha256:${doc.sha256}`);
    const position = target!.selector.find((s) => s.type === 'TextPositionSelector') as {
      start: number;
      end: number;
    };
    expect(byCodePoints(SAMPLE_TEXT, position.start, position.end)).toBe('в колонии');
    expect(target!.selector.find((s) => s.type === 'TextQuoteSelector')).toMatchObject({
      exact: 'в колонии',
    });
    expect(target!.selector.some((s) => s.type === 'FragmentSelector')).toBe(false);

    const toll = items.find((a) => a.id === `urn:claimdesk:claim:${claims.toll.id}`)!;
    expect(toll.target).toHaveLength(2);
    // hedges found in the quote travel as an ordered list
    expect(claims.toll.hedges.length).toBeGreaterThan(0);
    expect(toll.hedges).toEqual(claims.toll.hedges);

    const vahdat = items.find((a) => a.id === `urn:claimdesk:claim:${claims.vahdat.id}`)!;
    const [pdfTarget] = vahdat.target as { source: string; selector: Record<string, unknown>[] }[];
    expect(pdfTarget!.source).toBe(`urn:sha256:${pdf.sha256}`);
    expect(pdfTarget!.selector).toContainEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=2',
      refinedBy: expect.objectContaining({ type: 'TextQuoteSelector', exact: 'Vahdat "riot"' }),
    });

    const link = items.find((a) => a.motivation === 'linking')!;
    expect(link).toMatchObject({
      target: `urn:claimdesk:claim:${claims.toll.id}`,
      body: [
        {
          type: 'SpecificResource',
          purpose: 'linking',
          source: `urn:claimdesk:claim:${claims.riot.id}`,
        },
        { type: 'TextualBody', purpose: 'classifying', value: 'refines' },
        {
          type: 'TextualBody',
          purpose: 'commenting',
          value: 'the toll of that riot',
          format: 'text/plain',
        },
      ],
    });
    const mention = items.find((a) => a.motivation === 'identifying')!;
    expect(mention.body).toContainEqual({
      type: 'SpecificResource',
      purpose: 'identifying',
      source: 'http://www.wikidata.org/entity/Q20813186',
    });
  });
});

/**
 * Python's csv module in strict mode, a parser that spreadsheets' users rely on, reading the file
 * as a program would (BOM dropped by utf-8-sig); null where Python is absent.
 */
function parseWithPython(csv: string): string[][] | null {
  if (!hasCommand('python3')) return null;
  const script = [
    'import csv, io, json, sys',
    'text = sys.stdin.buffer.read().decode("utf-8-sig")',
    'print(json.dumps(list(csv.reader(io.StringIO(text, newline=""), strict=True))))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: Buffer.from(csv, 'utf8') });
  if (run.status !== 0) throw new Error(`python csv: ${run.stderr.toString()}`);
  return JSON.parse(run.stdout.toString()) as string[][];
}

describe('CSV export', () => {
  it('parses back as RFC 4180 with a BOM, one row per claim, formulas neutralized', async () => {
    const { db } = tempBackend();
    const { claims } = await buildClaimsFixture(db);
    const relate = (id: string, from: Claim, kind: RelationKind, to: Claim, at: string) =>
      putRelation(db, {
        id: id as RelationId,
        fromClaimId: from.id,
        toClaimId: to.id,
        kind,
        note: '',
        createdAt: at,
      });
    relate('rel_00000000000c', claims.cyrillic, 'supports', claims.toll, '2026-01-03T00:00:00Z');
    relate('rel_00000000000b', claims.cyrillic, 'supports', claims.riot, '2026-01-02T00:00:00Z');
    relate(
      'rel_00000000000d',
      claims.cyrillic,
      'contradicts',
      claims.vahdat,
      '2026-01-04T00:00:00Z',
    );
    const csv = exportCsv(db, {});
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/\r(?!\n)/);
    const records = parseCsv(csv.slice(1));
    // a widely used parser reads exactly the same records
    const python = parseWithPython(csv);
    if (python) expect(python).toEqual(records);
    else console.warn('[csv] python3 not found: the export was read by the strict parser only');
    const [header, ...rows] = records;
    expect(header).toEqual(CSV_COLUMNS.map(([name]) => name));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(header!.length);
    const byId = new Map(
      rows.map((r) => [r[0], Object.fromEntries(header!.map((h, i) => [h, r[i]!]))]),
    );

    const riot = byId.get(claims.riot.id)!;
    expect(riot).toMatchObject({
      statement: 'a riot in the Khujand prison',
      claimant: 'Reuters',
      claimant_id: REUTERS,
      subjects: 'Khujand',
      subject_ids: KHUJAND,
      place: 'Khujand',
      place_id: KHUJAND,
      stance: 'asserts',
      type: 'event',
      certainty: 'likely',
      event_date: '2018-11-07',
      tags: 'prison; riot',
      status: 'reviewed',
      relations: '2',
      note: 'Says "at least"; check, then =SUM(A1)',
    });
    // each relation once, in the row of the claim it starts from, with the other claim's id
    const relationColumns = (id: string) =>
      Object.fromEntries(RELATION_KINDS.map((kind) => [kind, byId.get(id)![kind]]));
    const none = Object.fromEntries(RELATION_KINDS.map((kind) => [kind, '']));
    expect(relationColumns(claims.riot.id)).toEqual(none);
    expect(relationColumns(claims.toll.id)).toEqual({ ...none, refines: claims.riot.id });
    expect(relationColumns(claims.cyrillic.id)).toEqual({
      ...none,
      supports: `${claims.riot.id}; ${claims.toll.id}`, // in the order they were made
      contradicts: claims.vahdat.id,
    });
    expect(byId.get(claims.cyrillic.id)!.stance).toBe('questions');
    // a cell that starts like a formula is made inert
    expect(byId.get(claims.toll.id)!.statement).toBe("'=27 dead, or +50");
    expect(byId.get(claims.toll.id)!.tags).toBe('riot; toll, dead');
    expect(byId.get(claims.toll.id)!.quote).toBe('at least 27 people dead … closer to 50');
    // line breaks and Cyrillic survive
    expect(byId.get(claims.cyrillic.id)!.statement).toBe('Беспорядки в колонии\nвторая строка');
    expect(byId.get(claims.cyrillic.id)!.subjects).toBe('Gulmurod Khalimov; Khujand');
    expect(byId.get(claims.cyrillic.id)!.subject_ids).toBe(`${KHALIMOV}; ${KHUJAND}`);
    expect(byId.get(claims.vahdat.id)!).toMatchObject({
      page: 'v',
      quote: 'Vahdat "riot"',
      document: 'A report',
    });
  });

  it('exports a filter or one document', async () => {
    const { db } = tempBackend();
    const { pdf, claims } = await buildClaimsFixture(db);
    const rows = (csv: string) =>
      parseCsv(csv.slice(1))
        .slice(1)
        .map((r) => r[0]);
    expect(rows(exportCsv(db, { filter: claimFilter.parse({ tag: 'riot' }) })).sort()).toEqual(
      [claims.riot.id, claims.toll.id].sort(),
    );
    expect(rows(exportCsv(db, { documentId: pdf.id }))).toEqual([claims.vahdat.id]);
  });
});

describe('page ranges in every export', () => {
  it('a passage over a page break carries both pages: claims JSON, W3C, CSV and the table', async () => {
    const { db } = tempBackend();
    const { pdf } = await buildClaimsFixture(db);
    // "riot." ends page iv, "Page two" starts page v
    const start = PDF_TEXT.indexOf('Zafar riot.');
    const end = PDF_TEXT.indexOf('Page two') + 'Page two'.length;
    const across = createClaim(db, { documentId: pdf.id, spans: [{ start, end }] });
    const iv = { index: 0, label: 'iv' };
    const v = { index: 1, label: 'v' };

    const data = exportClaimsJson(db, { generator, documentId: pdf.id });
    expectValid('claims', data);
    const claim = data.claims.find((c) => c.id === across.id)!;
    expect(claim.page).toEqual(iv);
    expect(claim.pages).toEqual({ start: iv, end: v });
    expect(claim.spans[0]!.pages).toEqual({ start: iv, end: v });
    // a passage on one page names it twice
    const vahdat = data.claims.find((c) => c.id !== across.id)!;
    expect(vahdat.pages).toEqual({ start: v, end: v });
    // the schema requires the range
    const broken = structuredClone(data) as unknown as { claims: Record<string, unknown>[] };
    delete broken.claims[0]!.pages;
    expect(isValid('claims', broken)).toBe(false);

    const w3c = exportW3c(db, { generator, documentId: pdf.id }) as {
      first: {
        items: { id: string; target: { selector: { type: string; value?: string }[] }[] }[];
      };
    };
    expectValid('w3c', w3c);
    const annotation = w3c.first.items.find((a) => a.id === `urn:claimdesk:claim:${across.id}`)!;
    const fragments = annotation.target[0]!.selector.filter((s) => s.type === 'FragmentSelector');
    expect(fragments.map((s) => s.value)).toEqual(['page=1', 'page=2']);

    const [header, ...rows] = parseCsv(exportCsv(db, { documentId: pdf.id }).slice(1));
    const row = rows.find((r) => r[0] === across.id)!;
    const cell = (name: string) => row[header!.indexOf(name)];
    expect([cell('page'), cell('end_page')]).toEqual(['iv', 'v']);

    const table = queryClaims(db, { filter: claimFilter.parse({}), offset: 0, limit: 10 });
    expect(table.rows.find((r) => r.id === across.id)!.pages).toEqual({ start: iv, end: v });
  });

  it('a two-passage claim runs from the earliest page to the latest', async () => {
    const { db } = tempBackend();
    const { pdf } = await buildClaimsFixture(db);
    const at = (phrase: string) => {
      const start = PDF_TEXT.indexOf(phrase);
      return { start, end: start + phrase.length };
    };
    // passages given last page first: the range still runs iv–v
    const claim = createClaim(db, {
      documentId: pdf.id,
      spans: [at('29 dead'), at('Zafar')],
    });
    const exported = exportClaimsJson(db, { generator, documentId: pdf.id }).claims.find(
      (c) => c.id === claim.id,
    )!;
    expect(exported.pages).toEqual({
      start: { index: 0, label: 'iv' },
      end: { index: 1, label: 'v' },
    });
  });
});

describe('page ranges of a real PDF', () => {
  it('a claim over the break between two generated pages is exported with both', async () => {
    const { db } = tempBackend();
    const bytes = writePdf({
      pageTexts: ['The first page ends with the riot.', 'The second page begins with the toll.'],
    });
    const { document } = await importDocument(db, { fileName: 'two-pages.pdf', bytes });
    const { text, pages } = getDocumentContent(db, document.id);
    expect(pages.map((p) => p.label)).toEqual(['1', '2']);
    const start = text.indexOf('with the riot.');
    const end = text.indexOf('The second page') + 'The second page'.length;
    const claim = createClaim(db, { documentId: document.id, spans: [{ start, end }] });
    const exported = exportClaimsJson(db, { generator, documentId: document.id }).claims[0]!;
    expect(exported.id).toBe(claim.id);
    expect(exported.pages).toEqual({
      start: { index: 0, label: '1' },
      end: { index: 1, label: '2' },
    });
  });
});
