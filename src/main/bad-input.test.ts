/**
 * Bad input never changes stored data. Every case is checked against a checksum of the workspace's
 * logical content (test/checksum.ts) taken before and after, and the backend must keep serving.
 * The RPC cases iterate over `Object.keys(api)`, so methods added later are covered unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, Method } from '../shared/api';
import type { DocumentContent, DocumentSummary } from '../shared/model';
import type { Backend } from './backend';
import { workspaceChecksum } from './test/checksum';
import {
  describe as show,
  expectClearMessage,
  expectRefused,
  expectWellFormed,
  inScratch,
  seededBackend,
} from './test/bad-input-helpers';
import { writePdf } from './test/pdf-writer';
import {
  fieldsOf,
  inputSchema,
  jsonSchemaOf,
  methods,
  validSample,
  withValue,
  wrongTypedValues,
  type JsonSchema,
} from './test/schema-inputs';
import { enc } from './test/workspace';

/** what a stored file name must never contain: controls, zero-width and bidi characters */
const UNSAFE_IN_NAMES =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

const scratch = mkdtempSync(join(tmpdir(), 'claimdesk-bad-input-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let backend: Backend;
let ids: Record<string, string>;
let dispose = () => {};
beforeAll(async () => {
  ({ backend, ids, dispose } = await seededBackend());
});
afterAll(() => dispose());

const importFile = (fileName: string, bytes: Uint8Array, password?: string) => ({
  fileName,
  bytes,
  ...(password === undefined ? {} : { password }),
});

describe('bad files are refused with a clear message and change nothing', () => {
  const pdf = writePdf({ pages: 3, text: 'A sound PDF page.' });

  it('corrupt PDFs', async () => {
    const garbled = pdf.slice();
    for (let i = 60; i < garbled.length - 200; i++) garbled[i] = (i * 131) & 0xff;
    await expectRefused(backend, 'documents.import', importFile('garbled.pdf', garbled), {
      code: 'import_failed',
      reason: 'corrupt',
    });
    // a PDF header followed by noise, and a PDF whose cross-reference table points nowhere
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) & 0xff);
    noise.set(enc('%PDF-1.7\n'));
    noise.set(enc('\n%%EOF\n'), noise.length - 7);
    await expectRefused(backend, 'documents.import', importFile('noise.pdf', noise), {
      code: 'import_failed',
    });
    const text = new TextDecoder().decode(pdf).replace(/startxref\n\d+/, 'startxref\n999999');
    const moved = text.replace(/\/Root 1 0 R/, '/Root 77 0 R');
    await expectRefused(backend, 'documents.import', importFile('xref.pdf', enc(moved)), {
      code: 'import_failed',
    });
  });

  it('truncated PDFs', async () => {
    for (const cut of [pdf.length - 10, Math.floor(pdf.length / 2), 9]) {
      const error = await expectRefused(
        backend,
        'documents.import',
        importFile('cut.pdf', pdf.slice(0, cut)),
        {
          code: 'import_failed',
        },
      );
      expect(error.message).toMatch(/damaged|incomplete|truncated|not a PDF/i);
    }
  });

  it('encrypted PDFs ask for the password, and refuse a wrong one', async () => {
    const plain = join(scratch, 'plain.pdf');
    const locked = join(scratch, 'locked.pdf');
    writeFileSync(plain, writePdf({ pages: 1, text: 'Confidential source' }));
    execFileSync('qpdf', ['--encrypt', 'user-pass', 'owner-pass', '256', '--', plain, locked]);
    // as the shells pass it: a plain Uint8Array (the HTTP shell decodes base64 into one)
    const bytes = new Uint8Array(readFileSync(locked));
    const asked = await expectRefused(
      backend,
      'documents.import',
      importFile('locked.pdf', bytes),
      {
        code: 'import_failed',
        reason: 'password_required',
      },
    );
    expect(asked.message).toMatch(/password/i);
    await expectRefused(backend, 'documents.import', importFile('locked.pdf', bytes, 'wrong'), {
      code: 'import_failed',
      reason: 'wrong_password',
    });
  });

  it('0-byte files of every type', async () => {
    for (const name of ['empty.txt', 'empty.md', 'empty.html', 'empty.pdf', 'empty.docx']) {
      const error = await expectRefused(
        backend,
        'documents.import',
        importFile(name, new Uint8Array()),
        {
          code: 'import_failed',
          reason: 'empty',
        },
      );
      expect(error.message).toMatch(/empty|0 bytes/);
    }
  });

  it('binaries named .txt, .md, .html or .docx', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const elf = new Uint8Array(512).map((_, i) =>
      i < 4 ? [0x7f, 0x45, 0x4c, 0x46][i]! : (i * 13) & 0xff,
    );
    const zipNotDocx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(60).fill(0)]);
    for (const [name, bytes] of [
      ['image.txt', png],
      ['program.txt', elf],
      ['program.md', elf],
      ['program.html', elf],
      ['archive.docx', zipNotDocx],
      ['text.docx', enc('plain text, not a zip')],
    ] as const) {
      await expectRefused(backend, 'documents.import', importFile(name, bytes), {
        code: 'import_failed',
      });
    }
  });

  it('unsupported types and names without an extension', async () => {
    for (const name of ['tool.exe', 'archive.zip', 'noextension', '.hidden']) {
      const error = await expectRefused(
        backend,
        'documents.import',
        importFile(name, enc('hello world')),
        {
          code: 'import_failed',
          reason: 'unsupported',
        },
      );
      expect(error.message).toMatch(/Supported/);
    }
  });

  it('invalid UTF-8 (and broken UTF-16) in text, Markdown and HTML', async () => {
    const cases: [string, Uint8Array][] = [
      ['latin1.txt', new Uint8Array([...enc('Caf'), 0xe9, ...enc(' au lait\n')])],
      ['overlong.md', new Uint8Array([...enc('# Title\n\n'), 0xc0, 0xaf, ...enc(' text\n')])],
      ['surrogate.html', new Uint8Array([...enc('<p>'), 0xed, 0xa0, 0x80, ...enc('</p>')])],
      ['cut.txt', new Uint8Array([...enc('ends mid-character '), 0xe2, 0x82])],
      ['odd-utf16.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42])],
      [
        'lone-surrogate-utf16.txt',
        new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]),
      ],
    ];
    for (const [name, bytes] of cases) {
      const error = await expectRefused(backend, 'documents.import', importFile(name, bytes), {
        code: 'import_failed',
        reason: 'invalid_encoding',
      });
      expect(error.message).toMatch(/UTF-8|UTF-16/);
    }
  });

  it('a Node Buffer as bytes (what a library caller may pass) is read like a Uint8Array', async () => {
    // Buffer is a Uint8Array subclass, so the schema accepts it; importers must not trip over it
    const locked = Buffer.from(readFileSync(join(scratch, 'locked.pdf')));
    await expectRefused(backend, 'documents.import', importFile('buffer.pdf', locked), {
      reason: 'password_required',
    });
  });
});

describe('hostile but well-formed files import as inert text', () => {
  const REMOTE = 'evil.example';

  async function importAndRead(
    fileName: string,
    source: string,
  ): Promise<DocumentContent & { summary: DocumentSummary }> {
    const result = await backend.registry.call(
      'documents.import',
      importFile(fileName, enc(source)),
    );
    expectWellFormed(result);
    if (!result.ok) throw new Error(result.error.message);
    const summary = (result.value as { document: DocumentSummary }).document;
    const content = await backend.registry.call('documents.content', { id: summary.id });
    if (!content.ok) throw new Error(content.error.message);
    return { ...(content.value as DocumentContent), summary };
  }

  function expectInert(stored: DocumentContent & { summary: DocumentSummary }): void {
    const everything = JSON.stringify(stored);
    for (const forbidden of [
      '__pwned',
      'alert(',
      'javascript:',
      REMOTE,
      'onerror',
      'onload',
      '<script',
      'background:',
    ]) {
      expect(everything, `stored content contains ${forbidden}`).not.toContain(forbidden);
    }
    for (const mark of stored.marks) {
      if (mark.href !== undefined) expect(mark.href).toMatch(/^(https?:|mailto:)/);
    }
  }

  it('HTML with scripts, event handlers, javascript: links, remote images, frames and styles', async () => {
    const html = `<!doctype html><html><head><title>Hostile page</title>
      <meta http-equiv="refresh" content="0;url=http://${REMOTE}/refresh">
      <style>body { background: url(http://${REMOTE}/bg.png) }</style>
      <script>window.__pwned = 1; fetch('http://${REMOTE}/x')</script>
      <link rel="stylesheet" href="http://${REMOTE}/s.css"></head>
      <body onload="window.__pwned = 2">
      <h1 onclick="alert(1)">Quarterly report</h1>
      <p>Visible paragraph with <a href="javascript:alert(1)">a bad link</a> and
      <a href="https://example.org/ok">a good link</a>.</p>
      <img src="http://${REMOTE}/pixel.png" onerror="window.__pwned = 3" alt="tracking pixel">
      <iframe src="http://${REMOTE}/frame"></iframe>
      <svg onload="alert(1)"><script>alert(2)</script></svg>
      <object data="http://${REMOTE}/o.swf"></object>
      <form action="http://${REMOTE}/post"><input value="x"></form>
      </body></html>`;
    const stored = await importAndRead('hostile.html', html);
    expect(stored.text).toContain('Quarterly report');
    expect(stored.text).toContain('a bad link');
    expect(stored.marks.some((m) => m.href === 'https://example.org/ok')).toBe(true);
    expectInert(stored);
  });

  it('Markdown with raw HTML, javascript: links and remote images', async () => {
    const markdown = [
      '# Hostile notes',
      '',
      `<script>window.__pwned = 1</script>`,
      '',
      `Text <img src="http://${REMOTE}/p.png" onerror="window.__pwned = 2"> and [a js link](javascript:alert(1)).`,
      '',
      `![remote image](http://${REMOTE}/i.png) <iframe src="http://${REMOTE}/f"></iframe>`,
      '',
      `<a href="javascript:alert(1)">raw link</a> <style>* { background: url(http://${REMOTE}/bg) }</style>`,
      '',
      '[reference][r]',
      '',
      `[r]: javascript:alert(3)`,
    ].join('\n');
    const stored = await importAndRead('hostile.md', markdown);
    expect(stored.text).toContain('Hostile notes');
    expect(stored.text).toContain('a js link');
    expectInert(stored);
  });

  it('cleans file names with path separators, control and bidirectional characters', async () => {
    const names = [
      '../../etc/passwd.txt',
      '..\\..\\Windows\\System32\\evil.txt',
      '/absolute/path/report.txt',
      'tab\there\u0000nul\u0007bell\nnewline.txt',
      'c1\u0085\u009bcontrols.txt',
      'invoice\u202Etxt.exe.txt',
      'zero\u200Bwidth\u2066isolate\u2069.txt',
      ' spaced .txt',
    ];
    for (const [i, name] of names.entries()) {
      const result = await backend.registry.call(
        'documents.import',
        importFile(name, enc(`File name case ${i}\n`)),
      );
      expectWellFormed(result);
      expect(result.ok, show(result)).toBe(true);
      const stored = (result as { value: { document: DocumentSummary } }).value.document.fileName;
      expect(stored, JSON.stringify(stored)).not.toMatch(/[/\\]/);
      expect(stored, JSON.stringify(stored)).not.toMatch(UNSAFE_IN_NAMES);
      expect(stored).not.toMatch(/^\.{1,2}$/);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.length).toBeLessThanOrEqual(255);
    }
  });
});

// ---- every RPC method with bad arguments ------------------------------------------------------

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const MALICIOUS = [
  "' OR 1=1 --",
  '"; DROP TABLE claims; --',
  "doc_00000000' OR '1'='1",
  '../../etc/passwd',
  '..\\..\\..\\Windows\\win.ini',
  'file:///etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '<script>window.__pwned=1</script>',
  '\u0000',
  '__proto__',
];

interface Case {
  label: string;
  input: unknown;
}

function stringLike(schema: JsonSchema): boolean {
  return schema.type === 'string' || (schema.anyOf ?? []).some((s) => s.type === 'string');
}

function casesFor(method: Method): Case[] {
  const schema = jsonSchemaOf(method);
  const base = validSample(schema, ids);
  const cases: Case[] = [];
  const fields = fieldsOf(schema);
  // missing
  cases.push({ label: 'no input at all', input: undefined }, { label: 'null', input: null });
  for (const f of fields.filter((f) => f.required)) {
    cases.push({
      label: `missing ${f.path.join('.')}`,
      input: withValue(base, f.path, undefined, true),
    });
  }
  // extra
  cases.push(
    { label: 'extra key', input: { ...(base as object), unexpected: true } },
    {
      label: 'own __proto__ key',
      input: Object.assign(JSON.parse('{"__proto__": {"isAdmin": true}}') as object, base),
    },
    {
      label: 'constructor key',
      input: { ...(base as object), constructor: { prototype: { polluted: true } } },
    },
  );
  for (const f of fields.filter((f) => f.schema.type === 'object')) {
    cases.push({
      label: `extra key in ${f.path.join('.')}`,
      input: withValue(base, [...f.path, 'unexpected'], 1),
    });
  }
  // wrongly typed
  for (const wrong of ['a string', 42, true, [], [base]])
    cases.push({ label: `input is ${show(wrong)}`, input: wrong });
  for (const f of fields) {
    for (const wrong of wrongTypedValues(f.schema)) {
      cases.push({
        label: `${f.path.join('.')} = ${show(wrong)}`,
        input: withValue(base, f.path, wrong),
      });
    }
  }
  // huge
  cases.push({ label: 'input is a 10 MB string', input: TEN_MB });
  for (const f of fields.filter((f) => stringLike(f.schema))) {
    cases.push({ label: `${f.path.join('.')} is 10 MB`, input: withValue(base, f.path, TEN_MB) });
  }
  for (const f of fields.filter((f) => f.schema.type === 'array')) {
    cases.push({
      label: `${f.path.join('.')} has 100,000 items`,
      input: withValue(
        base,
        f.path,
        new Array(100_000).fill((base as Record<string, unknown[]>)[f.path[0]!]?.[0] ?? 'x'),
      ),
    });
  }
  // malicious
  for (const f of fields.filter((f) => stringLike(f.schema))) {
    for (const evil of MALICIOUS)
      cases.push({
        label: `${f.path.join('.')} = ${show(evil)}`,
        input: withValue(base, f.path, evil),
      });
  }
  return cases;
}

describe('every RPC method refuses bad arguments', () => {
  it('knows how to build a valid input for every method (else extend test/schema-inputs.ts)', () => {
    for (const method of methods()) {
      const sample = validSample(jsonSchemaOf(method), ids);
      const parsed = inputSchema(method).safeParse(sample);
      expect(parsed.success, `${method}: ${show(sample)} ${parsed.error?.message ?? ''}`).toBe(
        true,
      );
    }
  });

  it.each(methods())(
    '%s: missing, extra, wrongly typed, huge and malicious arguments',
    async (method) => {
      let refused = 0;
      for (const { label, input } of casesFor(method)) {
        const valid = inputSchema(method).safeParse(input ?? {}).success;
        if (!valid) {
          const error: ApiError = await expectRefused(backend, method, input, {
            code: 'invalid_input',
          });
          expect(error.message, label).toContain(method);
          expect(error.message.length, label).toBeLessThan(1000); // never echoes a 10 MB argument
          refused++;
          continue;
        }
        // accepted by the contract (an optional field, text that merely looks like SQL): it must
        // still never fail unexpectedly, and whatever it does is rolled back for the next case
        const before = workspaceChecksum(backend.db);
        await inScratch(backend, async () => {
          const result = await backend.registry.call(method, input);
          expectWellFormed(result);
          if (!result.ok) {
            expect(result.error.code, `${label}: ${result.error.message}`).not.toBe('internal');
            expect(workspaceChecksum(backend.db), label).toBe(before);
          }
          expect(backend.db.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(backend.db.pragma('foreign_key_check')).toEqual([]);
        });
        expect(workspaceChecksum(backend.db), label).toBe(before);
      }
      expect(refused).toBeGreaterThan(0);
    },
  );

  it('unknown, prototype and non-string method names', async () => {
    for (const name of [
      'nope',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'documents',
      '',
      'documents.list ',
      'DOCUMENTS.LIST',
      '../documents.list',
      'x'.repeat(100_000),
    ]) {
      const error = await expectRefused(backend, name, {}, { code: 'unknown_method' });
      expect(error.message.length).toBeLessThan(300);
    }
    // only in-process callers can pass these (IPC and HTTP deliver strings)
    for (const weird of [42, null, undefined, {}, ['documents.list'], Symbol.iterator]) {
      const result = await backend.registry.call(weird as unknown as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('stores text that looks like SQL or a path verbatim, touching nothing else', async () => {
    const before = await backend.registry.call('documents.list', {});
    await inScratch(backend, async () => {
      for (const evil of MALICIOUS.filter((s) => s !== '\u0000')) {
        const result = await backend.registry.call('claims.update', {
          id: ids.clm,
          patch: { statement: evil, note: evil, tags: [evil] },
        });
        expect(result.ok, show(result)).toBe(true);
        const claims = await backend.registry.call('claims.list', {});
        const all = (
          claims as { value: { id: string; statement: string; note: string; tags: string[] }[] }
        ).value;
        expect(all).toHaveLength(1);
        expect(all[0]).toMatchObject({ id: ids.clm, statement: evil, note: evil, tags: [evil] });
        expect(await backend.registry.call('documents.list', {})).toEqual(before);
      }
    });
  });

  it('a getter that throws or a proxy as input is an error result, never an exception', async () => {
    const throwing = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    for (const input of [throwing, proxy]) {
      const before = workspaceChecksum(backend.db);
      const result = await backend.registry.call('documents.get', input);
      expectWellFormed(result);
      expect(result.ok).toBe(false);
      expect(workspaceChecksum(backend.db)).toBe(before);
    }
  });
});

describe('error messages are for people', () => {
  it('say what was wrong and where', async () => {
    const error = await expectRefused(backend, 'claims.create', {
      documentId: ids.doc,
      spans: [{ start: 'a', end: 5 }],
    });
    expectClearMessage(error.message);
    expect(error.message).toMatch(/spans\.0\.start/);
  });
});
