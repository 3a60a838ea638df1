/**
 * Scans that cannot be read as asked: a clear message, other files go on, nothing stored changes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits';
import { failureOf, rpcOf } from '../test/rpc';
import { hasCommand, imagePdf, type GreyImage } from '../test/scans';
import { enc, tempBackend } from '../test/workspace';

const SLOW = 240_000;
/** A small grey picture: a page drawn with it is a scan (an image covering the page) without text. */
const speck: GreyImage = { width: 8, height: 8, dpi: 72, pixels: new Uint8Array(64).fill(200) };

describe('bad scans', () => {
  it(
    'a 2,000-page scan is refused before any OCR, and the next file imports',
    async () => {
      const backend = tempBackend();
      const rpc = rpcOf(backend);
      const pdf = imagePdf(
        Array.from({ length: 2_000 }, () => speck),
        { pageSize: [612, 792] },
      );
      const error = await failureOf(backend, 'documents.import', {
        fileName: 'huge-scan.pdf',
        bytes: pdf,
      });
      expect(error).toMatchObject({ code: 'import_failed', reason: 'too_large' });
      expect(error.message).toBe(
        `This PDF has 2,000 scanned pages to read by OCR; Claimdesk reads up to ${LIMITS.maxOcrPages.toLocaleString('en')} in one file (each takes seconds). Split it into smaller PDFs (e.g. qpdf --split-pages=500) and import the parts.`,
      );
      expect(await rpc('documents.list', {})).toEqual([]);
      const next = await rpc('documents.import', {
        fileName: 'notes.txt',
        bytes: enc('Some notes.'),
      });
      expect(next.status).toBe('imported');
    },
    SLOW,
  );

  it(
    'an absurdly large scanned page is skipped with a warning; encrypted, it opens with its password',
    async () => {
      const backend = tempBackend();
      const rpc = rpcOf(backend);
      let pdf: Uint8Array<ArrayBuffer> = imagePdf([speck], { pageSize: [14_400, 14_400] });
      const encrypted = hasCommand('qpdf');
      if (encrypted) {
        const dir = mkdtempSync(path.join(tmpdir(), 'claimdesk-enc-'));
        try {
          writeFileSync(path.join(dir, 'in.pdf'), pdf);
          execFileSync('qpdf', [
            '--encrypt',
            'secret',
            'secret',
            '256',
            '--',
            path.join(dir, 'in.pdf'),
            path.join(dir, 'out.pdf'),
          ]);
          pdf = Uint8Array.from(readFileSync(path.join(dir, 'out.pdf')));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        const locked = await failureOf(backend, 'documents.import', {
          fileName: 'poster.pdf',
          bytes: pdf,
        });
        expect(locked).toMatchObject({ reason: 'password_required' });
        expect(await rpc('documents.list', {})).toEqual([]);
      } else {
        console.log('skipped part: qpdf is not installed (no encrypted scan)');
      }
      const { document } = await rpc('documents.import', {
        fileName: 'poster.pdf',
        bytes: pdf,
        ...(encrypted ? { password: 'secret' } : {}),
      });
      expect(document.warnings).toEqual([
        'no selectable text — scanned?',
        'OCR skipped page 1 is too large to read (200 × 200 in).',
      ]);
    },
    SLOW,
  );

  it('a truncated scan is refused as damaged', async () => {
    const backend = tempBackend();
    const pdf = imagePdf([speck]);
    const error = await failureOf(backend, 'documents.import', {
      fileName: 'cut.pdf',
      bytes: pdf.slice(0, Math.floor(pdf.length * 0.6)),
    });
    expect(error).toMatchObject({ code: 'import_failed', reason: 'corrupt' });
    expect(await rpcOf(backend)('documents.list', {})).toEqual([]);
  });
});
