import { describe, expect, it } from 'vitest';
import { listDocuments } from '../db/documents';
import { importDocument } from '../documents';
import { failureOf, rpcOf } from '../test/rpc';
import { enc, tempBackend } from '../test/workspace';
import { bibliographyText } from '../exporters/bibliography';

const RIS = `TY  - JOUR
TI  - Prison riots in Tajikistan
AU  - Roe, Jane
AU  - Wei, Li
PY  - 2019
T2  - Journal of Central Asian Studies
VL  - 12
SP  - 45
EP  - 67
DO  - 10.1234/jcas.2019.045
ER  - 

TY  - BOOK
TI  - Radicalization in Central Asia
AU  - Doe, John
PY  - 2020
PB  - Example Press
SN  - 978-3-16-148410-0
ER  - 
`;

const BIBTEX = `@article{roe2019,
  title = {Prison Riots in {Tajikistan}},
  author = {Roe, Jane and Wei, Li},
  journal = {Journal of Central Asian Studies},
  year = {2019},
  doi = {10.1234/JCAS.2019.045},
  abstract = {What the riots tell.}
}
@report{osce2009,
  title = {Roundtable on Understanding Violent Extremism},
  author = {{OSCE Office in Tajikistan}},
  year = {2009},
  institution = {OSCE}
}`;

const CSL_JSON = JSON.stringify([
  {
    type: 'webpage',
    title: 'Tajikistan’s Security Chief Has Gone Over to ISIS. Now What?',
    author: [{ family: 'Lemon', given: 'Edward' }],
    issued: { 'date-parts': [[2015, 6]] },
    URL: 'https://example.org/halimov',
  },
]);

describe('references import', () => {
  it('imports RIS as sources waiting for a file, and matches BibTeX to them by DOI', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    expect(
      await rpc('references.import', { fileName: 'library.ris', bytes: enc(RIS) }),
    ).toMatchObject({ created: 2, matched: 0 });
    const sources = await rpc('sources.list', {});
    const article = sources.find((s) => s.csl.title === 'Prison riots in Tajikistan')!;
    expect(article.csl).toMatchObject({
      type: 'article-journal',
      author: [
        { family: 'Roe', given: 'Jane' },
        { family: 'Wei', given: 'Li' },
      ],
      issued: { 'date-parts': [[2019]] },
      'container-title': 'Journal of Central Asian Studies',
      DOI: '10.1234/jcas.2019.045',
    });
    expect(article.documentIds).toEqual([]);
    expect(article.provenance.title).toEqual({
      from: 'reference file library.ris',
      confirmed: true,
    });

    // the same article in BibTeX (DOI in other case) fills only what the source lacks
    expect(
      await rpc('references.import', { fileName: 'refs.bib', bytes: enc(BIBTEX) }),
    ).toMatchObject({ created: 1, matched: 1 });
    const again = await rpc('sources.get', { id: article.id });
    expect(again.csl.title).toBe('Prison riots in Tajikistan');
    expect(again.csl.abstract).toBe('What the riots tell.');

    expect(
      await rpc('references.import', { fileName: 'items.json', bytes: enc(CSL_JSON) }),
    ).toMatchObject({ created: 1 });
    expect((await rpc('sources.list', {})).length).toBe(4);
  });

  it('matches a reference to an imported document by title, filling its metadata', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const { document } = await importDocument(backend.db, {
      fileName: 'riots.txt',
      bytes: enc('Prison riots in Tajikistan\n\nThe riot in Khujand left 27 dead.'),
    });
    expect(document.meta.title).toBe('Prison riots in Tajikistan');
    await rpc('references.import', { fileName: 'library.ris', bytes: enc(RIS) });
    const [doc] = listDocuments(backend.db);
    expect(doc!.meta.authors).toEqual(['Jane Roe', 'Li Wei']);
    expect(doc!.meta.publishedDate).toBe('2019');
  });

  it('refuses malformed files naming the line, importing nothing from them', async () => {
    const backend = tempBackend();
    const stray = RIS.replace('PY  - 2019', 'PY  - 2019\nthis line is not RIS');
    expect(
      (await failureOf(backend, 'references.import', { fileName: 'bad.ris', bytes: enc(stray) }))
        .message,
    ).toMatch(/"bad\.ris" cannot be imported: line 6 is not a RIS line .*Nothing was imported/);
    const unended = RIS.replace(/ER {2}- \n\nTY/, 'TY');
    expect(
      (await failureOf(backend, 'references.import', { fileName: 'bad.ris', bytes: enc(unended) }))
        .message,
    ).toMatch(/record starting on line 1 has no "ER {2}-" before line 11/);
    const brace = BIBTEX.replace('year = {2019},', 'year = {2019,');
    expect(
      (await failureOf(backend, 'references.import', { fileName: 'bad.bib', bytes: enc(brace) }))
        .message,
    ).toMatch(/BibTeX syntax error on line \d+/);
    expect(
      (
        await failureOf(backend, 'references.import', {
          fileName: 'bad.json',
          bytes: enc('[{"type": "book",'),
        })
      ).message,
    ).toMatch(/not valid JSON/);
    expect(
      (
        await failureOf(backend, 'references.import', {
          fileName: 'x.json',
          bytes: enc('[{"a": 1}]'),
        })
      ).message,
    ).toMatch(/item 1 is not a CSL-JSON item/);
    expect(await rpcOf(backend)('sources.list', {})).toEqual([]);
  });

  it('exports the bibliography as RIS, BibTeX and CSL-JSON that read back', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    await rpc('references.import', { fileName: 'library.ris', bytes: enc(RIS) });
    const ris = bibliographyText(backend.db, {}, 'ris');
    expect(ris).toMatch(/TI {2}- Prison riots in Tajikistan/);
    expect(ris).toMatch(/DO {2}- 10\.1234\/jcas\.2019\.045/);
    const bib = (await rpc('export.bibliography', { format: 'bibtex' })).text;
    expect(bib).toMatch(/@article\{roe2019,/);
    const csl = JSON.parse((await rpc('export.bibliography', { format: 'csl-json' })).text);
    expect(csl.map((i: { id: string }) => i.id).sort()).toEqual(['doe2020', 'roe2019']);
    // and they import again as the same two works
    const target = tempBackend();
    const back = rpcOf(target);
    expect(await back('references.import', { fileName: 'x.ris', bytes: enc(ris) })).toMatchObject({
      created: 2,
    });
    expect(await back('references.import', { fileName: 'x.bib', bytes: enc(bib) })).toMatchObject({
      created: 0,
      matched: 2,
    });
  });
});
