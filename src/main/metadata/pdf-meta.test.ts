import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPdf } from '../importers/pdf';
import { makePdf, show } from '../importers/pdf-fixtures';
import { corpusFiles } from '../test/claims-fixture';
import { findArxiv, findDoi, findIsbn } from './identifiers';
import { isPersonName, splitNames } from './names';

/** A title page as journals set it: a large title, author names with marks, affiliations, a DOI. */
function titlePagePdf(info: Record<string, string> = {}) {
  const page = [
    show('F1', 9, 72, 760, 'Journal of Central Asian Studies 12 (2019) 45-67'),
    show('F1', 20, 72, 700, 'Prison Riots and Radicalization'),
    show('F1', 20, 72, 676, 'in Tajikistan, 2015-2019'),
    show('F1', 11, 72, 640, 'Jane Q. Roe1, Ahmad bin Yusuf2 and Li Wei1*'),
    show('F1', 9, 72, 622, '1 Department of Politics, University of Somewhere, Dushanbe'),
    show('F1', 9, 72, 610, '2 Institute of Security Studies, Almaty; jroe@example.org'),
    show('F1', 9, 72, 590, 'Published: 12 March 2019'),
    show('F1', 9, 72, 578, 'https://doi.org/10.1234/jcas.2019.045.'),
    show('F1', 11, 72, 540, 'Abstract'),
    show(
      'F1',
      10,
      72,
      520,
      'The riots of 2015 and 2018 left dozens dead (see also 10.9999/other.ref).',
    ),
  ].join('\n');
  return makePdf(
    [page, show('F1', 10, 72, 700, 'Second page. ISBN 978-3-16-148410-0 arXiv:1905.01234v2')],
    {
      info: { CreationDate: "D:20261122060036Z'", ...info },
    },
  );
}

describe('PDF metadata', () => {
  it('reads the title, the authors and the DOI from a title page; the file date stays apart', async () => {
    const { found } = await importPdf(titlePagePdf());
    expect(found!.csl.title).toBe('Prison Riots and Radicalization in Tajikistan, 2015-2019');
    expect(found!.from.title).toBe('the first page (its title)');
    expect(found!.csl.author).toEqual([
      { family: 'Roe', given: 'Jane Q.' },
      { family: 'bin Yusuf', given: 'Ahmad' },
      { family: 'Wei', given: 'Li' },
    ]);
    expect(found!.csl.DOI).toBe('10.1234/jcas.2019.045');
    expect(found!.csl.ISBN).toBe('978-3-16-148410-0');
    expect(found!.csl.number).toBe('arXiv:1905.01234v2');
    expect(found!.csl.issued).toEqual({ 'date-parts': [[2019, 3, 12]] });
    expect(found!.from.issued).toBe('the first page (a dateline)');
    expect(found!.fileDate).toBe('2026-11-22');
  });

  it('prefers the document information over the page, and never takes a placeholder', async () => {
    const { found } = await importPdf(
      titlePagePdf({ Title: 'Riots in Tajik Prisons', Author: 'Roe, Jane; Wei, Li' }),
    );
    expect(found!.csl.title).toBe('Riots in Tajik Prisons');
    expect(found!.from.title).toBe('PDF document information (Title)');
    expect(found!.csl.author).toEqual([
      { family: 'Roe', given: 'Jane' },
      { family: 'Wei', given: 'Li' },
    ]);
    const placeholder = await importPdf(titlePagePdf({ Title: 'Untitled document' }));
    expect(placeholder.found!.csl.title).toBe(
      'Prison Riots and Radicalization in Tajikistan, 2015-2019',
    );
  });

  it('finds no title in a page that starts with prose', async () => {
    const page = [
      show(
        'F1',
        10,
        72,
        700,
        'On May 19, 2019, a prison riot broke out in Vakhdat, claiming the lives of',
      ),
      show(
        'F1',
        10,
        72,
        688,
        'twenty-nine inmates and three prison guards. The government offered little.',
      ),
    ].join('\n');
    const { found } = await importPdf(makePdf([page]));
    expect(found!.csl.title).toBeUndefined();
    expect(found!.csl.author).toBeUndefined();
    expect(found!.csl.issued).toBeUndefined();
  });

  it('gets the journal article of the sample corpus right without help', async (ctx) => {
    const files = corpusFiles();
    if (!files) return ctx.skip();
    const file = files.find((f) => f.endsWith('002_1e1a6a2f2c58fe5b.pdf'));
    if (!file) return ctx.skip();
    const { found } = await importPdf(new Uint8Array(readFileSync(file)));
    expect(found!.csl.title).toBe(
      'New approaches in combating international terrorism and extremism in Central Asia',
    );
    expect(found!.csl.author).toEqual([
      { family: 'Orumbayeva', given: 'Marzhan S.' },
      { family: 'Mamytov', given: 'Toktokuchuk B.' },
      { family: 'Kurmangali', given: 'Aimen K.' },
    ]);
    expect(found!.csl.DOI).toBe('10.58866/ZNHX7290');
    expect(found!.csl.issued).toBeUndefined(); // the PDF's CreationDate is the file's date
    expect(found!.fileDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('identifiers and names', () => {
  it('finds labelled DOIs, checksummed ISBNs and arXiv ids', () => {
    expect(findDoi('text doi:10.1000/abc(12)3). more')).toBe('10.1000/abc(12)3');
    expect(findDoi('see (10.1000/xyz).')).toBe('10.1000/xyz');
    expect(findDoi('no identifier here')).toBeNull();
    expect(findIsbn('ISBN 0-306-40615-2')).toBe('0-306-40615-2');
    expect(findIsbn('ISBN 0-306-40615-3')).toBeNull(); // bad checksum
    expect(findArxiv('arXiv:hep-th/9901001v1')).toBe('hep-th/9901001v1');
  });

  it('tells names from affiliations', () => {
    expect(splitNames('A. Smith, B. Jones and C. Lee').every(isPersonName)).toBe(true);
    expect(isPersonName('Marzhan S. Orumbayeva')).toBe(true);
    expect(isPersonName('Almaty')).toBe(false);
    expect(isPersonName('Republic of Kazakhstan')).toBe(false);
    expect(isPersonName('Sorbonne-Kazakhstan Institute')).toBe(false);
    expect(isPersonName('marzh.orumbayeva@gmail.com')).toBe(false);
  });
});
