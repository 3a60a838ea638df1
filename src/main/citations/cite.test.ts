import { describe, expect, it } from 'vitest';
import { createClaim } from '../db/claims';
import { buildClaimsFixture, PDF_TEXT } from '../test/claims-fixture';
import { failureOf, rpcOf } from '../test/rpc';
import { tempBackend } from '../test/workspace';
import { formatBibliography, formatCitation } from './format';
import { BUILTIN_STYLE_XML } from './styles';

const ARTICLE = {
  type: 'article-journal',
  title: 'New approaches in combating international terrorism and extremism in Central Asia',
  author: [
    { family: 'Orumbayeva', given: 'Marzhan S.' },
    { family: 'Mamytov', given: 'Toktokuchuk B.' },
    { family: 'Kurmangali', given: 'Aimen K.' },
  ],
  issued: { 'date-parts': [[2023]] },
  'container-title': 'Central Asian Affairs',
  volume: '3',
  issue: '2',
  page: '1-21',
  DOI: '10.58866/ZNHX7290',
};

describe('citation formatter', () => {
  it('formats a citation with its pages in each shipped style', () => {
    const cite = (style: keyof typeof BUILTIN_STYLE_XML) =>
      formatCitation([{ item: ARTICLE, locator: '4–5' }], BUILTIN_STYLE_XML[style]);
    expect(cite('apa')).toBe('(Orumbayeva et al., 2023, pp. 4–5)');
    expect(cite('chicago-author-date')).toBe('(Orumbayeva, Mamytov, and Kurmangali 2023, 4–5)');
    expect(cite('mla')).toBe('(Orumbayeva et al. 4–5)');
    expect(cite('harvard')).toBe('(Orumbayeva, Mamytov and Kurmangali, 2023, pp. 4–5)');
  });

  it('formats bibliography entries', () => {
    expect(formatBibliography([ARTICLE], BUILTIN_STYLE_XML.apa)).toEqual([
      'Orumbayeva, M. S., Mamytov, T. B., & Kurmangali, A. K. (2023). New approaches in combating international terrorism and extremism in Central Asia. Central Asian Affairs, 3(2), 1–21. https://doi.org/10.58866/ZNHX7290',
    ]);
    expect(formatBibliography([ARTICLE], BUILTIN_STYLE_XML.mla)[0]).toMatch(
      /^Orumbayeva, Marzhan S., et al\. “New Approaches/,
    );
  });
});

describe('citing claims', () => {
  it('cites a claim with its page, and a claim over two pages with the range', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const { pdf, claims } = await buildClaimsFixture(backend.db);
    await rpc('sources.update', {
      id: pdf.sourceId,
      patch: { author: [{ family: 'Roe', given: 'Jane' }], issued: { 'date-parts': [[2019]] } },
    });
    const one = await rpc('citations.cite', { claimIds: [claims.vahdat.id] });
    expect(one.citation).toBe('(Roe, 2019, p. v)');
    expect(one.bibliography).toEqual([
      'Roe, J. (2019). A report. Press. https://example.org/report.pdf',
    ]);

    const across = createClaim(backend.db, {
      documentId: pdf.id,
      spans: [{ start: PDF_TEXT.indexOf('Zafar'), end: PDF_TEXT.indexOf('Vahdat') + 6 }],
    });
    const range = await rpc('citations.cite', {
      claimIds: [across.id],
      style: 'chicago-author-date',
    });
    expect(range.citation).toBe('(Roe 2019, iv–v)');
  });

  it('adds a researcher style and refuses what is not one', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const xml = BUILTIN_STYLE_XML.harvard
      .replace(/<id>[^<]*<\/id>/, '<id>http://www.zotero.org/styles/my-harvard</id>')
      .replace(/<title>[^<]*<\/title>/, '<title>My Harvard</title>');
    expect(await rpc('citations.addStyle', { xml })).toEqual({
      id: 'my-harvard',
      title: 'My Harvard',
      builtin: false,
    });
    expect((await rpc('citations.styles', {})).map((s) => s.id)).toEqual([
      'apa',
      'chicago-author-date',
      'mla',
      'harvard',
      'my-harvard',
    ]);
    const { claims } = await buildClaimsFixture(backend.db);
    expect(
      (await rpc('citations.cite', { claimIds: [claims.riot.id], style: 'my-harvard' })).citation,
    ).toMatch(/^\(/);
    expect(
      (await failureOf(backend, 'citations.addStyle', { xml: '<html></html>' })).message,
    ).toMatch(/not a CSL style/);
    expect(
      (await failureOf(backend, 'citations.cite', { claimIds: [claims.riot.id], style: 'nope' }))
        .message,
    ).toMatch(/no citation style "nope"/);
  });
});
