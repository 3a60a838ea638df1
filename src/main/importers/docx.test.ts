import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ImportedText, InlineMark } from '../../shared/model';
import { importDocx } from './docx';
import { ImportError } from './errors';
import { validateImportedText } from './structure';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const run = (text: string, props = ''): string =>
  `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (content: string, pPr = ''): string =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
const listPara = (text: string, level: number): string =>
  para(run(text), `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr>`);
const cell = (text: string): string => `<w:tc>${para(run(text))}</w:tc>`;

interface DocxParts {
  body: string;
  footnotes?: string[];
  core?: string;
}

/** A minimal but valid DOCX package, built in memory (no binary fixtures in the repository). */
async function makeDocx({ body, footnotes = [], core }: DocxParts): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL}">
<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL}">
<Relationship Id="rId1" Type="${REL}/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>
<Relationship Id="rId10" Type="${REL}/hyperlink" Target="https://en.wikipedia.org/wiki/Gulmurod_Khalimov" TargetMode="External"/>
<Relationship Id="rId11" Type="${REL}/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>
</Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`,
  );
  zip.file(
    'word/footnotes.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="${W}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
${footnotes.map((f, i) => `<w:footnote w:id="${i + 1}">${para(run(f))}</w:footnote>`).join('\n')}
</w:footnotes>`,
  );
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>
<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`,
  );
  if (core !== undefined) {
    zip.file(
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${core}</cp:coreProperties>`,
    );
  }
  return zip.generateAsync({ type: 'uint8array' });
}

const texts = (r: ImportedText): string[] => r.blocks.map((b) => r.text.slice(b.start, b.end));
const marked = (r: ImportedText, type: InlineMark['type']): string[] =>
  r.marks.filter((m) => m.type === type).map((m) => r.text.slice(m.start, m.end));

async function expectImportError(bytes: Uint8Array, code: ImportError['code']): Promise<void> {
  try {
    await importDocx(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe(code);
    return;
  }
  throw new Error(`expected ImportError ${code}`);
}

describe('importDocx', () => {
  it('maps headings, marks, links, lists, tables and footnotes', async () => {
    const body = [
      para(run('Prison riot in Khujand'), '<w:pStyle w:val="Heading1"/>'),
      para(
        run('Officials reported ') +
          run('at least ', '<w:b/>') +
          run('27', '<w:b/>') +
          run(' deaths; residents said ') +
          run('closer to 50', '<w:i/>') +
          run('.') +
          '<w:r><w:footnoteReference w:id="1"/></w:r>' +
          run(' H') +
          run('2', '<w:vertAlign w:val="subscript"/>') +
          run('O x') +
          run('2', '<w:vertAlign w:val="superscript"/>') +
          run(' ') +
          run('100', '<w:strike/>'),
      ),
      para(
        `<w:hyperlink r:id="rId10">${run('Gulmurod Khalimov')}</w:hyperlink>` +
          run(' (also ') +
          `<w:hyperlink r:id="rId11">${run('Gumurod Halimov')}</w:hyperlink>` +
          run(')'),
      ),
      para(run('«Мы не знали» 🙂') + '<w:r><w:br/></w:r>' + run('second line')),
      listPara('first item', 0),
      listPara('nested item', 1),
      listPara('second item', 0),
      `<w:tbl><w:tr>${cell('Source')}${cell('Deaths')}</w:tr><w:tr>${cell('Ministry')}${cell('27')}</w:tr></w:tbl>`,
      para(run('Closing paragraph.')),
    ].join('');
    const r = await importDocx(
      await makeDocx({ body, footnotes: ["Residents' estimate, not confirmed."] }),
    );
    expect(validateImportedText(r)).toEqual([]);
    expect(texts(r)).toEqual([
      'Prison riot in Khujand',
      'Officials reported at least 27 deaths; residents said closer to 50.1 H2O x2 100',
      'Gulmurod Khalimov (also Gumurod Halimov)',
      '«Мы не знали» 🙂\nsecond line',
      'first item',
      'nested item',
      'second item',
      'Source\tDeaths',
      'Ministry\t27',
      'Closing paragraph.',
      "1 Residents' estimate, not confirmed.",
    ]);
    expect(r.blocks.map((b) => b.type)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'list-item',
      'list-item',
      'list-item',
      'table-row',
      'table-row',
      'paragraph',
      'footnote',
    ]);
    expect(r.blocks[0]?.level).toBe(1);
    expect(r.blocks.slice(4, 7).map((b) => b.level)).toEqual([1, 2, 1]);
    expect(marked(r, 'strong')).toEqual(['at least 27']);
    expect(marked(r, 'emphasis')).toEqual(['closer to 50']);
    expect(marked(r, 'superscript')).toEqual(['1', '2', '1']);
    expect(marked(r, 'subscript')).toEqual(['2']);
    expect(marked(r, 'strikethrough')).toEqual(['100']);
    const links = r.marks.filter((m) => m.type === 'link');
    expect(links.map((m) => [r.text.slice(m.start, m.end), m.href])).toEqual([
      ['Gulmurod Khalimov', 'https://en.wikipedia.org/wiki/Gulmurod_Khalimov'],
    ]);
    expect(r.text).not.toContain('↑');
    expect(r.meta.title).toBe('Prison riot in Khujand');
  });

  it('reads title, authors and language from docProps/core.xml; its created date is the file’s, not the work’s', async () => {
    const bytes = await makeDocx({
      body: para(run('Body text about Khujand.'), '<w:pStyle w:val="Heading2"/>'),
      core:
        '<dc:title>Briefing: riot &amp; aftermath</dc:title><dc:creator>A. Reporter; B. Editor</dc:creator>' +
        '<dcterms:created xsi:type="dcterms:W3CDTF">2018-11-08T10:00:00Z</dcterms:created>' +
        '<dc:language>en-GB</dc:language>',
    });
    const r = await importDocx(bytes);
    expect(r.meta).toEqual({
      title: 'Briefing: riot & aftermath',
      authors: ['A. Reporter', 'B. Editor'],
      language: 'en-GB',
    });
    expect(r.found).toMatchObject({ csl: {}, fileDate: '2018-11-08' });
  });

  it('falls back to the first heading when core.xml has no title', async () => {
    const bytes = await makeDocx({
      body: para(run('Intro')) + para(run('The real title'), '<w:pStyle w:val="Heading2"/>'),
      core: '<dc:title></dc:title><dc:creator>Someone</dc:creator>',
    });
    const r = await importDocx(bytes);
    expect(r.meta.title).toBe('The real title');
    expect(r.meta.authors).toEqual(['Someone']);
  });

  it('refuses a file that is not a ZIP as corrupt', async () => {
    await expectImportError(new TextEncoder().encode('just some text, not a docx'), 'corrupt');
    const full = await makeDocx({ body: para(run('x')) });
    await expectImportError(full.subarray(0, Math.floor(full.length / 2)), 'corrupt');
  });

  it('refuses a ZIP without a Word document as corrupt', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a document');
    await expectImportError(await zip.generateAsync({ type: 'uint8array' }), 'corrupt');
  });

  it('recognises encrypted and legacy Word files', async () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const name = [...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]);
    await expectImportError(new Uint8Array([...ole, 0, 0, ...name, 0, 0]), 'password_required');
    await expectImportError(new Uint8Array([...ole, 0, 0, 0, 0]), 'unsupported');
  });

  it('refuses 0 bytes as empty, and a document without text as empty', async () => {
    await expectImportError(new Uint8Array(), 'empty');
    await expectImportError(await makeDocx({ body: para('') }), 'empty');
  });
});
