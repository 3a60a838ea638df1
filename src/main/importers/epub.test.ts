import { describe, expect, it } from 'vitest';
import type { ImportedText } from '../../shared/model';
import { foundOfImport } from '../metadata/found';
import { makeEpub } from '../test/epub-writer';
import { importEpub, openEpubZip } from './epub';
import { checkEpubUnpackedSize } from './epub-package';
import { extractDocument } from './index';
import { validateImportedText } from './structure';
import { MAX_DOCX_XML_BYTES } from './zip-limits';

const texts = (r: ImportedText) => r.blocks.map((b) => r.text.slice(b.start, b.end));
const blockTypes = (r: ImportedText) => r.blocks.map((b) => [b.type, b.level]);

async function epub(spec: Parameters<typeof makeEpub>[0]): Promise<ImportedText> {
  const { mediaType, content } = await extractDocument('book.epub', await makeEpub(spec));
  expect(mediaType).toBe('application/epub+zip');
  expect(validateImportedText(content)).toEqual([]);
  return content;
}

const EPUB3_META = `
  <dc:identifier id="uid">urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427</dc:identifier>
  <dc:identifier id="isbn">urn:isbn:978-3-16-148410-0</dc:identifier>
  <dc:identifier>doi:10.5555/test.book.7</dc:identifier>
  <dc:title id="t1">Rivers of the Steppe</dc:title>
  <meta refines="#t1" property="title-type">main</meta>
  <dc:title id="t2">A Field Guide</dc:title>
  <meta refines="#t2" property="title-type">subtitle</meta>
  <dc:creator id="a1">Aigerim Sadykova</dc:creator>
  <meta refines="#a1" property="role" scheme="marc:relators">aut</meta>
  <meta refines="#a1" property="file-as">Sadykova, Aigerim</meta>
  <dc:creator id="a2">Jan van der Berg</dc:creator>
  <meta refines="#a2" property="role" scheme="marc:relators">aut</meta>
  <dc:creator id="ill">Pat Drawer</dc:creator>
  <meta refines="#ill" property="role" scheme="marc:relators">ill</meta>
  <dc:contributor id="e1">Olga Petrova</dc:contributor>
  <meta refines="#e1" property="role" scheme="marc:relators">edt</meta>
  <dc:date>2021-06-15</dc:date>
  <meta property="dcterms:modified">2025-01-02T10:00:00Z</meta>
  <dc:language>kk</dc:language>
  <dc:publisher>Open Steppe Press</dc:publisher>`;

describe('EPUB import', () => {
  it('reads the spine in order, chapters as headings, and the OPF metadata as found fields', async () => {
    const r = await epub({
      metadata: EPUB3_META,
      chapters: [
        { file: 'intro.xhtml', label: 'Introduction', body: '<p>Why rivers matter 🙂.</p>' },
        {
          file: 'ch1.xhtml',
          label: 'One: The Ili',
          body: '<section><h1>One: The Ili</h1><p>Река Или течёт на запад.</p></section>',
        },
        {
          file: 'ch1a.xhtml',
          label: 'Tributaries',
          depth: 2,
          body: '<p>Small <em>streams</em> join it.</p><img src="map.png" alt="a map"/>',
        },
        { file: 'notes.xhtml', body: '<p>Unlisted notes page.</p>' },
      ],
      // the spine, not the manifest, gives the order
      spine: ['intro.xhtml', 'ch1.xhtml', 'ch1a.xhtml', 'notes.xhtml'],
    });
    expect(texts(r)).toEqual([
      'Introduction',
      'Why rivers matter 🙂.',
      'One: The Ili',
      'Река Или течёт на запад.',
      'Tributaries',
      'Small streams join it.',
      'Unlisted notes page.',
    ]);
    expect(blockTypes(r)).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
      ['heading', 1],
      ['paragraph', undefined],
      ['heading', 2],
      ['paragraph', undefined],
      ['paragraph', undefined],
    ]);
    expect(
      r.marks.filter((m) => m.type === 'emphasis').map((m) => r.text.slice(m.start, m.end)),
    ).toEqual(['streams']);
    const found = foundOfImport('application/epub+zip', r);
    expect(found.csl).toEqual({
      type: 'book',
      title: 'Rivers of the Steppe: A Field Guide',
      author: [
        { family: 'Sadykova', given: 'Aigerim' },
        { family: 'van der Berg', given: 'Jan' },
      ],
      editor: [{ family: 'Petrova', given: 'Olga' }],
      issued: { 'date-parts': [[2021, 6, 15]] },
      language: 'kk',
      publisher: 'Open Steppe Press',
      ISBN: '978-3-16-148410-0',
      DOI: '10.5555/test.book.7',
    });
    expect(found.from).toMatchObject({
      title: 'EPUB package (dc:title)',
      author: 'EPUB package (dc:creator)',
      editor: 'EPUB package (dc:contributor)',
      issued: 'EPUB package (dc:date)',
      ISBN: 'EPUB package (dc:identifier)',
    });
  });

  it('reads EPUB 2: the NCX for chapter titles, opf:role and opf:file-as, the publication event', async () => {
    const r = await epub({
      version: 2,
      metadata: `
        <dc:title>Old Roads</dc:title>
        <dc:creator opf:role="aut" opf:file-as="Nurlanov, Daniyar">Daniyar Nurlanov</dc:creator>
        <dc:creator opf:role="trl">Some Translator</dc:creator>
        <dc:date opf:event="modification">2024-02-02</dc:date>
        <dc:date opf:event="publication">2009</dc:date>
        <dc:identifier opf:scheme="ISBN">0-306-40615-2</dc:identifier>
        <dc:language>en-GB</dc:language>`,
      chapters: [
        { file: 'a.html', label: 'Chapter 1', body: '<p>First.</p>' },
        { file: 'b.html', label: 'Chapter 2', body: '<h2>Chapter 2</h2><p>Second.</p>' },
      ],
    });
    expect(texts(r)).toEqual(['Chapter 1', 'First.', 'Chapter 2', 'Second.']);
    const found = foundOfImport('application/epub+zip', r);
    expect(found.csl).toMatchObject({
      title: 'Old Roads',
      author: [{ family: 'Nurlanov', given: 'Daniyar' }],
      issued: { 'date-parts': [[2009]] },
      ISBN: '0-306-40615-2',
      language: 'en-GB',
    });
  });

  it('refuses a DRM-protected book with the reason, and names the scheme', async () => {
    const encryption =
      '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">' +
      '<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>' +
      '<enc:CipherData><enc:CipherReference URI="OEBPS/ch.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>';
    const bytes = await makeEpub({
      chapters: [{ file: 'ch.xhtml', body: '<p>ciphertext stands in here</p>' }],
      extra: { 'META-INF/encryption.xml': encryption, 'META-INF/rights.xml': '<adept:rights/>' },
    });
    const refusal = extractDocument('bought.epub', bytes);
    await expect(refusal).rejects.toMatchObject({ code: 'unsupported' });
    await expect(refusal).rejects.toThrow(/protected by DRM \(Adobe DRM\).*DRM-free copy/);
  });

  it('imports a book whose only "encryption" is font obfuscation', async () => {
    const obfuscated =
      '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">' +
      '<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>' +
      '<enc:CipherData><enc:CipherReference URI="OEBPS/font.otf"/></enc:CipherData></enc:EncryptedData></encryption>';
    const r = await epub({
      chapters: [{ file: 'ch.xhtml', body: '<p>Readable text.</p>' }],
      extra: { 'META-INF/encryption.xml': obfuscated, 'OEBPS/font.otf': 'not really a font' },
    });
    expect(texts(r)).toEqual(['Readable text.']);
  });

  it('refuses damaged files: not a ZIP, no container, no package document', async () => {
    await expect(
      extractDocument('x.epub', new TextEncoder().encode('just text named .epub')),
    ).rejects.toMatchObject({ code: 'corrupt' });
    const JSZip = (await import('jszip')).default;
    const bare = new JSZip();
    bare.file('mimetype', 'application/epub+zip');
    bare.file('OEBPS/ch.xhtml', '<html/>');
    const noContainer = await bare.generateAsync({ type: 'uint8array' });
    await expect(importEpub(noContainer)).rejects.toThrow(/damaged.*no META-INF\/container\.xml/);
    bare.file(
      'META-INF/container.xml',
      '<container><rootfiles><rootfile full-path="missing.opf"/></rootfiles></container>',
    );
    const noOpf = await bare.generateAsync({ type: 'uint8array' });
    await expect(importEpub(noOpf)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('a book of images only is refused as empty, with the reason', async () => {
    const bytes = await makeEpub({ chapters: [{ file: 'p.xhtml', body: '<img src="p1.jpg"/>' }] });
    await expect(importEpub(bytes)).rejects.toThrow(/contains no text .*only images/);
  });

  it('a missing chapter is left out with a warning naming it; the rest is imported', async () => {
    const bytes = await makeEpub({
      chapters: [
        { file: 'a.xhtml', label: 'A', body: '<p>Kept.</p>' },
        { file: 'gone.xhtml', label: 'Gone', body: '<p>x</p>' },
      ],
    });
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    zip.remove('OEBPS/gone.xhtml');
    const r = await importEpub(await zip.generateAsync({ type: 'uint8array' }));
    expect(texts(r)).toEqual(['A', 'Kept.']);
    expect(r.warnings).toEqual([
      'The chapter "OEBPS/gone.xhtml" could not be read and was left out: it is missing from the package',
    ]);
  });

  it('counts every part it parses against the DOCX limit, whatever its name; images do not count', async () => {
    const half = 'x'.repeat(MAX_DOCX_XML_BYTES / 2 + 1);
    const big = await makeEpub({
      chapters: [
        { file: 'a.xhtml', body: `<p>${half}</p>` },
        // a spine document named like a picture is still parsed, so it counts
        { file: 'b.jpg', body: `<p>${half}</p>` },
      ],
    });
    expect(big.byteLength).toBeLessThan(200_000);
    const refusal = extractDocument('bomb.epub', big);
    await expect(refusal).rejects.toMatchObject({ code: 'too_large' });
    await expect(refusal).rejects.toThrow(/"bomb\.epub" unpacks to 32 MB of text documents/);
    const pictures = await makeEpub({
      chapters: [{ file: 'a.xhtml', body: '<p>Short.</p>' }],
      extra: { 'OEBPS/plate.png': half + half },
    });
    await expect(
      checkEpubUnpackedSize('plates.epub', pictures, await openEpubZip(pictures)),
    ).resolves.toBeUndefined();
  });
});
