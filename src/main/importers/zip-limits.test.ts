import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkDocxUnpackedSize, MAX_DOCX_XML_BYTES, zipEntrySizes } from './zip-limits';

const zipOf = async (files: Record<string, string>, comment?: string) => {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    ...(comment ? { comment } : {}),
  });
};

describe('zip limits', () => {
  it('reads the declared sizes from the central directory, whatever the archive comment', async () => {
    const bytes = await zipOf(
      { 'word/document.xml': 'x'.repeat(5000), 'media/a.png': 'y'.repeat(10) },
      'a comment',
    );
    expect(zipEntrySizes(bytes)!.filter((e) => !e.name.endsWith('/'))).toEqual([
      { name: 'word/document.xml', uncompressed: 5000 },
      { name: 'media/a.png', uncompressed: 10 },
    ]);
  });

  it('gives up (null) on what is not a whole ZIP, leaving the explanation to the importer', async () => {
    const bytes = await zipOf({ 'a.xml': 'abc' });
    expect(zipEntrySizes(new Uint8Array(0))).toBeNull();
    expect(zipEntrySizes(new TextEncoder().encode('plain text, not a zip at all'))).toBeNull();
    expect(zipEntrySizes(bytes.subarray(0, bytes.length - 30))).toBeNull();
    const broken = bytes.slice();
    broken[broken.length - 6] = broken[broken.length - 6]! ^ 0xff; // central directory offset points elsewhere
    expect(zipEntrySizes(broken)).toBeNull();
    await expect(checkDocxUnpackedSize('x.docx', broken)).resolves.toBeUndefined();
  });

  it('counts only the XML parts a DOCX importer parses', async () => {
    const images = await zipOf({
      'word/document.xml': 'x',
      'word/media/big.bin': 'z'.repeat(MAX_DOCX_XML_BYTES + 1),
    });
    await expect(checkDocxUnpackedSize('photos.docx', images)).resolves.toBeUndefined();
    const xml = await zipOf({
      'word/document.xml': 'x'.repeat(MAX_DOCX_XML_BYTES / 2),
      'word/styles.xml': 'x'.repeat(MAX_DOCX_XML_BYTES / 2 + 1),
    });
    await expect(checkDocxUnpackedSize('big.docx', xml)).rejects.toThrow(
      /unpacks to 32 MB of document XML/,
    );
  });

  // the attack: the main part is not named .xml, but _rels/.rels sends the converter to it
  const relsTo = (target: string, type = 'officeDocument') =>
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>` +
    '</Relationships>';

  it('counts a main part of any name that the package relationships point to', async () => {
    const bomb = await zipOf({
      '[Content_Types].xml': '<Types/>',
      '_rels/.rels': relsTo('word/main.bin'),
      'word/main.bin': '<w:document>' + 'x'.repeat(MAX_DOCX_XML_BYTES) + '</w:document>',
    });
    expect(bomb.byteLength).toBeLessThan(100_000); // small on disk, as the attack file was
    const refusal = checkDocxUnpackedSize('report.docx', bomb);
    await expect(refusal).rejects.toMatchObject({ code: 'too_large' });
    await expect(refusal).rejects.toThrow(/"report\.docx" unpacks to 32 MB/);
  });

  it('follows relative and absolute targets from part relationships, but not images or links', async () => {
    const half = 'x'.repeat(MAX_DOCX_XML_BYTES / 2 + 1);
    const styles = await zipOf({
      '_rels/.rels': relsTo('/word/document.xml'),
      'word/document.xml': '<w:document/>',
      'word/_rels/document.xml.rels': relsTo('../word/a.dat', 'styles'),
      'word/a.dat': half,
      'word/b.dat': half, // named by no relationship: never read
    });
    await expect(checkDocxUnpackedSize('ok.docx', styles)).resolves.toBeUndefined();
    const both = await zipOf({
      '_rels/.rels': relsTo('/word/document.xml'),
      'word/document.xml': '<w:document/>',
      'word/_rels/document.xml.rels':
        relsTo('a.dat', 'styles').replace('</Relationships>', '') +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="b%2Edat"/></Relationships>',
      'word/a.dat': half,
      'word/b.dat': half,
    });
    await expect(checkDocxUnpackedSize('two.docx', both)).rejects.toMatchObject({
      code: 'too_large',
    });
    const pictures = await zipOf({
      '_rels/.rels': relsTo('word/document.xml'),
      'word/document.xml': '<w:document/>',
      'word/_rels/document.xml.rels':
        relsTo('media/a.dat', 'image').replace('</Relationships>', '') +
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="b.dat" TargetMode="External"/></Relationships>',
      'word/media/a.dat': half + half,
      'word/b.dat': half + half,
    });
    await expect(checkDocxUnpackedSize('pictures.docx', pictures)).resolves.toBeUndefined();
  });
});
