/**
 * Documented limits (src/shared/limits.ts, docs/security.md): beyond them the researcher gets a
 * clear `too_large` message, within them the import finishes; never a hang (the test timeouts) or an
 * out-of-memory crash, and nothing is stored for a refused file. How fast is for `npm run bench`.
 */
import JSZip from 'jszip';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../shared/limits';
import type { DocumentSummary } from '../shared/model';
import type { Backend } from './backend';
import { expectRefused, seededBackend } from './test/bad-input-helpers';
import { writePdf } from './test/pdf-writer';

const MB = 1024 * 1024;
const scratch = mkdtempSync(join(tmpdir(), 'claimdesk-limits-'));
let backend: Backend;
let ids: Record<string, string>;
let dispose = () => {};
beforeAll(async () => {
  ({ backend, ids, dispose } = await seededBackend());
});
afterAll(() => {
  dispose();
  rmSync(scratch, { recursive: true, force: true });
});

/** Writes `size` bytes of plain English text to a file, 1 MB at a time (never all in memory). */
function writeTextFile(file: string, size: number): void {
  const line = 'On 7 November 2018 a riot in the prison reportedly left at least 27 people dead.\n';
  const chunk = Buffer.from(line.repeat(Math.ceil(MB / line.length)).slice(0, MB));
  const fd = openSync(file, 'w');
  try {
    for (let written = 0; written < size;)
      written += writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
  } finally {
    closeSync(fd);
  }
}

/** Reads a file into one buffer, as the shells do: one copy, no more. */
function readInto(file: string, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  const fd = openSync(file, 'r');
  try {
    for (let offset = 0; offset < size;)
      offset += readSync(fd, bytes, offset, size - offset, offset);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

describe('limits', () => {
  it(`a ${LIMITS.maxFileBytes / MB} MB text file is refused as too_large, storing nothing`, async () => {
    const file = join(scratch, 'huge.txt');
    writeTextFile(file, LIMITS.maxFileBytes + 1);
    const bytes = readInto(file, LIMITS.maxFileBytes + 1);
    rmSync(file);

    // exactly the file-size limit: read, but its text is over maxTextChars
    const text = await expectRefused(
      backend,
      'documents.import',
      { fileName: 'huge.txt', bytes: bytes.subarray(0, LIMITS.maxFileBytes) },
      { code: 'import_failed', reason: 'too_large' },
    );
    expect(text.message).toMatch(/characters of text; the limit is 52,428,800\. Split the file/);

    // one byte over the file-size limit: refused before anything is decoded
    const size = await expectRefused(
      backend,
      'documents.import',
      { fileName: 'huge.txt', bytes },
      { code: 'import_failed', reason: 'too_large' },
    );
    expect(size.message).toMatch(/up to 200 MB\. Split the file/);
  });

  it(`a PDF of ${LIMITS.maxPdfPages.toLocaleString('en')} pages is imported within limits`, async () => {
    const result = await backend.registry.call('documents.import', {
      fileName: 'five-thousand.pdf',
      bytes: writePdf({ pages: LIMITS.maxPdfPages, text: 'One of five thousand identical pages.' }),
    });
    expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(true);
    const document = (result as { value: { document: DocumentSummary } }).value.document;
    expect(document.pageCount).toBe(LIMITS.maxPdfPages);
  }, 120_000);

  it(`a PDF of ${(LIMITS.maxPdfPages + 1).toLocaleString('en')} pages is refused as too_large before its pages are read`, async () => {
    const error = await expectRefused(
      backend,
      'documents.import',
      { fileName: 'too-many.pdf', bytes: writePdf({ pages: LIMITS.maxPdfPages + 1 }) },
      { code: 'import_failed', reason: 'too_large' },
    );
    expect(error.message).toMatch(/5,001 pages.*5,000/);
  });

  it('a DOCX zip bomb (a small file unpacking to 100 MB of XML) is refused before it is inflated', async () => {
    const paragraph = '<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>';
    const body = paragraph.repeat(Math.ceil((100 * MB) / paragraph.length));
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    zip.file(
      'word/document.xml',
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    );
    const bytes = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    expect(bytes.length).toBeLessThan(MB);
    const error = await expectRefused(
      backend,
      'documents.import',
      { fileName: 'bomb.docx', bytes },
      { code: 'import_failed', reason: 'too_large' },
    );
    expect(error.message).toMatch(
      /unpacks to 100 MB of document XML; Claimdesk reads DOCX files of up to 32 MB/,
    );
  });

  it('fields over their documented maximum are refused with the limit in the message', async () => {
    const cases: [string, unknown, RegExp][] = [
      [
        'claims.create',
        {
          documentId: ids.doc,
          spans: [{ start: 0, end: 5 }],
          statement: 'x'.repeat(LIMITS.maxFieldChars + 1),
        },
        /statement.*100000/,
      ],
      [
        'claims.create',
        {
          documentId: ids.doc,
          spans: Array.from({ length: LIMITS.maxSpans + 1 }, () => ({ start: 0, end: 5 })),
        },
        /spans.*50/,
      ],
      [
        'documents.updateMeta',
        { id: ids.doc, meta: { title: 't'.repeat(LIMITS.maxNameChars + 1) } },
        /meta\.title.*1000/,
      ],
      [
        'documents.import',
        { fileName: 'n'.repeat(LIMITS.maxNameChars + 1), bytes: new Uint8Array([65]) },
        /fileName.*1000/,
      ],
    ];
    for (const [method, input, message] of cases) {
      const error = await expectRefused(backend, method, input, { code: 'invalid_input' });
      expect(error.message).toMatch(message);
    }
  });
});
