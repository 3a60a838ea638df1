import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { UNSAFE_CHARACTERS, cleanMetadata } from '../shared/clean-text';
import { importDocument } from './documents';
import { writePdf } from './test/pdf-writer';
import { enc, tempBackend } from './test/workspace';

/** Every bidirectional control the issue names, an escape sequence, a bell, a NUL and a newline. */
const HOSTILE =
  'Re\u202Eport\u061C \u200E\u200Fon\u202A\u202B\u202C\u202D the\u2066\u2067\u2068\u2069 riot\u001b[31m\u0007\u0000\nfdp.exe';
const CLEAN = 'Report on the riot[31m fdp.exe';
const unsafe = (s: string) => new RegExp(UNSAFE_CHARACTERS.source).test(s);

async function docx(title: string, author: string): Promise<Uint8Array> {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Body text.</w:t></w:r></w:p></w:body></w:document>`,
  );
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xml(title)}</dc:title><dc:creator>${xml(author)}</dc:creator></cp:coreProperties>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('titles and metadata lose control and bidirectional characters', () => {
  it('cleanMetadata removes every unsafe character and flattens line breaks', () => {
    expect(cleanMetadata(HOSTILE)).toBe(CLEAN);
    expect(cleanMetadata('  a\tb\r\nc  ')).toBe('a b c');
    expect(cleanMetadata('Ordinary — title, «quoted» 🙂 Беспорядки')).toBe(
      'Ordinary — title, «quoted» 🙂 Беспорядки',
    );
  });

  it('from HTML, DOCX and PDF', async () => {
    const backend = tempBackend();
    // XML and PDF cannot carry NUL and most C0 controls; HTML gets the rest
    const xmlSafe = ['\u0000', '\u0007', '\u001b'].reduce((s, c) => s.replaceAll(c, ''), HOSTILE);
    const htmlTitle = HOSTILE.replaceAll('\u0000', '');
    const html = `<!doctype html><html><head><title>${htmlTitle}</title><meta name="author" content="Ann\u202E\u2066 Lee\u001b]8;;x\u0007"></head><body><p>Body.</p></body></html>`;
    const inputs = [
      { fileName: 'a.html', bytes: enc(html) },
      { fileName: 'b.docx', bytes: await docx(xmlSafe, 'Ann\u202E Lee') },
      { fileName: 'c.pdf', bytes: writePdf({ pages: 1, title: xmlSafe }) },
    ];
    for (const input of inputs) {
      const { document } = await importDocument(backend.db, input);
      expect(document.meta.title, input.fileName).toMatch(/^Report on the riot/);
      expect(
        unsafe(document.meta.title),
        `${input.fileName}: ${JSON.stringify(document.meta.title)}`,
      ).toBe(false);
      for (const author of document.meta.authors)
        expect(unsafe(author), input.fileName).toBe(false);
      if (input.fileName !== 'c.pdf')
        expect(document.meta.authors[0], input.fileName).toMatch(/^Ann Lee/);
    }
  });
});
