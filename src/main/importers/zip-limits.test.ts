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
    expect(() => checkDocxUnpackedSize('x.docx', broken)).not.toThrow();
  });

  it('counts only the XML parts a DOCX importer parses', async () => {
    const images = await zipOf({
      'word/document.xml': 'x',
      'word/media/big.bin': 'z'.repeat(MAX_DOCX_XML_BYTES + 1),
    });
    expect(() => checkDocxUnpackedSize('photos.docx', images)).not.toThrow();
    const xml = await zipOf({
      'word/document.xml': 'x'.repeat(MAX_DOCX_XML_BYTES / 2),
      'word/styles.xml': 'x'.repeat(MAX_DOCX_XML_BYTES / 2 + 1),
    });
    expect(() => checkDocxUnpackedSize('big.docx', xml)).toThrow(
      /unpacks to 32 MB of document XML/,
    );
  });
});
