/**
 * The terminal shell: `claimdesk import|export|list|text|check|serve`. Thin: every command is a call
 * into the same registry the app uses (or a plain backend function for file-system work).
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Input, Method, Output } from '../shared/api';
import type { NotebookId } from '../shared/api-notebooks';
import { parseLanguages } from '../shared/ocr';
import { openBackend, type Backend } from './backend';
import { resolveDataDir } from './data-dir';
import { ocrCommand, withProgress } from './cli-ocr';
import { extractionPool } from './importers/pool';
import { ocrRuns } from './db/ocr';
import { documentTextOutput } from './cli-text';
import { checkWorkspace } from './db/check';
import { fileLines, importBundleWithBackup, writeBundle } from './bundle';
import { bibliographyFormat, citeLines, importReferencesCommand } from './cli-sources';
import { LIBRARY_USAGE, UsageError, libraryCommand } from './cli-library';
import { notebookCommand } from './cli-notebooks';
import { exportNotebook } from './notebooks/export';
import { EXPORT_FORMATS, isExportFormat, restoreFromCli, searchLines } from './cli-workspace';
import { AppError, WorkspaceError } from './errors';
import { SUPPORTED_EXTENSIONS } from './importers';
import { startMaintenance } from './maintenance';
import { writePrivateFile } from './private-files';
import { startServer } from './serve';
import { stopOnSignal } from './stop-signal';
import { APP_VERSION } from './version';

const USAGE = `Claimdesk ${APP_VERSION} — turn sources into structured, exportable claims.

Usage: claimdesk <command> [options]

Commands:
  import <files or folders...>   import documents: PDF, EPUB, DOCX, HTML, Markdown, text
                                 (folders are walked recursively); prints one JSON line
                                 per file. Scanned PDF pages are read
                                 by OCR: --ocr-languages eng+rus (default: the workspace's)
  ocr <document-id> [--languages tgk+rus]
                                 OCR the document's scanned pages again (default languages:
                                 the workspace's); claims and mentions move to the new text,
                                 those not found are kept, tagged ocr-orphan and listed
  export [--format json|w3c|csv|graphml|gexf] [--document ID] [--out FILE]
                                 export claims with their provenance (stdout by default):
                                 claims JSON, W3C Web Annotation (JSON-LD) or CSV; or the
                                 network of entities for Gephi (GraphML, GEXF), claim ids
                                 on every edge
  search QUERY [--document ID] [--limit N]
                                 full-text search; one JSON line per match. Phrases
                                 ("prison riot"), prefixes (Khujand*), AND OR NOT ( )
  backup                         back up the workspace into its backups folder
  restore <file> | --latest      restore a backup (the current workspace is kept aside)
  bundle export --out FILE       the whole workspace in one file (documents included)
  bundle import FILE [--replace] load a bundle into an empty workspace (--replace: also one
                                 that holds saved filters, history…, after a backup of it)
  import-claims FILE             merge a claims JSON from another workspace
  import-references FILE|ZOTERO_DIR
                                 bring in references (RIS, BibTeX, CSL-JSON), matched to
                                 documents by DOI or title, else sources waiting for a file;
                                 a Zotero data folder (read-only, Zotero may be running):
                                 items, their PDF/HTML attachments and collections
  cite CLAIM_ID... [--style S]   the claims' citation with their pages, then the bibliography;
                                 S: apa (default), chicago-author-date, mla, harvard, an added
                                 style's id, or a .csl file
  bibliography [--format ris|bibtex|csl-json] [--document ID] [--out FILE]
                                 the sources of the exported claims
  notebook list                  notebooks as JSON lines (id, title, ties, updatedAt)
  notebook export ID --format md|html|docx [--out FILE] [--appendix] [--style S]
                                 a notebook with its claims as footnotes in style S (as for
                                 cite) and a bibliography;
                                 --appendix adds each quote, source, pages and file hash
  list                           documents as JSON lines (id, title, type, pages, sha256;
                                 ocrLanguages for a document with pages read by OCR)
  text <document-id> [--pages]   the canonical text, exactly (--pages: one JSON line per page)
  check                          verify the workspace: every page, every foreign key, the claim
                                 rules, every stored original against its hash
${LIBRARY_USAGE}  serve [--port N] [--open]      run the app in your browser at 127.0.0.1

Options for every command:
  --data-dir DIR                 the workspace folder (default: $CLAIMDESK_DATA_DIR, or the
                                 desktop app's user-data folder)
  -h, --help                     this text
`;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      format: { type: 'string' },
      appendix: { type: 'boolean', default: false },
      style: { type: 'string' },
      document: { type: 'string' },
      out: { type: 'string' },
      pages: { type: 'boolean', default: false },
      port: { type: 'string' },
      open: { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      password: { type: 'string' },
      latest: { type: 'boolean', default: false },
      limit: { type: 'string' },
      yes: { type: 'boolean', default: false },
      parent: { type: 'string' },
      'ocr-languages': { type: 'string' },
      languages: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (values.version) return (print(APP_VERSION), 0);
  if (values.help || !command) return (print(USAGE), command || values.help ? 0 : 2);

  const dataDir = resolveDataDir(values['data-dir']);
  // before opening: the workspace may be too damaged to open
  if (command === 'restore') return await restoreCommand(dataDir, args[0], values.latest);
  let backend: Backend;
  try {
    backend = openBackend(dataDir, command === 'serve' ? 'serve' : 'cli');
  } catch (error) {
    if (error instanceof WorkspaceError) return fail(error.message);
    throw error;
  }
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = await backend.registry.call(method, input);
    if (!result.ok) throw new CliError(result.error.message);
    return result.value as Output<M>;
  };

  try {
    switch (command) {
      case 'import':
        return await importCommand(args, values.password, backend, values['ocr-languages']);
      case 'ocr':
        return await ocrCommand(backend, args[0], {
          ...(values.languages !== undefined ? { languages: values.languages } : {}),
          ...(values.password !== undefined ? { password: values.password } : {}),
        });
      case 'export': {
        const format = values.format ?? 'json';
        if (!isExportFormat(format)) {
          return fail(`Unknown export format "${format}". Use: ${EXPORT_FORMATS.join(', ')}.`);
        }
        const scope = values.document ? { documentId: values.document } : {};
        const file =
          format === 'graphml' || format === 'gexf'
            ? await call('export.network', { format, filter: scope })
            : await call('export.claims', { format, ...scope });
        if (values.out) {
          writePrivateFile(values.out, file.text);
          process.stderr.write(`Wrote ${resolve(values.out)}\n`);
        } else process.stdout.write(file.text);
        return 0;
      }
      case 'list': {
        const documents = await call('documents.list', {});
        // a scan's OCR languages, to see what `claimdesk ocr ID --languages` would change
        const runs = ocrRuns(
          backend.db,
          documents.map((d) => d.id),
        );
        for (const d of documents) {
          const run = runs.get(d.id);
          printJson({
            id: d.id,
            title: d.meta.title,
            type: d.mediaType,
            pages: d.pageCount,
            sha256: d.sha256,
            ...(run ? { ocrLanguages: run.languages.join('+') } : {}),
          });
        }
        return 0;
      }
      case 'text': {
        if (!args[0]) return fail('Usage: claimdesk text <document-id> [--pages]');
        const content = await call('documents.content', { id: args[0] });
        process.stdout.write(
          documentTextOutput(content, {
            pages: Boolean(values.pages),
            terminal: process.stdout.isTTY === true,
          }),
        );
        return 0;
      }
      case 'check': {
        const report = checkWorkspace(backend.db);
        printJson(report);
        return report.ok ? 0 : 1;
      }
      case 'search': {
        if (args.length === 0)
          return fail('Usage: claimdesk search QUERY [--document ID] [--limit N]');
        const results = await call('search.query', {
          query: args.join(' '),
          limit: values.limit ? Number(values.limit) : 20,
          ...(values.document ? { documentId: values.document } : {}),
        });
        // positions in code points, as the exports and `claimdesk text` give them: the API's unit
        for (const line of searchLines(results)) printJson(line);
        return 0;
      }
      case 'backup':
        printJson(await call('backup.now', {}));
        return 0;
      case 'bundle':
        if (args[0] === 'export' && values.out) {
          writeBundle(backend.db, values.out, `Claimdesk ${APP_VERSION}`);
          process.stderr.write(`Wrote ${resolve(values.out)}\n`);
          return 0;
        }
        if (args[0] === 'import' && args[1]) {
          printJson(
            await importBundleWithBackup(backend.db, backend.dataDir, fileLines(args[1]), {
              replace: values.replace,
            }),
          );
          return 0;
        }
        return fail(
          'Usage: claimdesk bundle export --out FILE | claimdesk bundle import FILE [--replace]',
        );
      case 'import-claims':
        if (!args[0]) return fail('Usage: claimdesk import-claims FILE');
        printJson(await call('claims.importJson', { text: readFileSync(args[0], 'utf8') }));
        return 0;
      case 'import-references':
        printJson(await importReferencesCommand(backend, args[0]));
        return 0;
      case 'cite':
        print((await citeLines(backend, args, values.style)).join('\n'));
        return 0;
      case 'bibliography': {
        const file = await call('export.bibliography', {
          format: bibliographyFormat(values.format),
          ...(values.document ? { documentId: values.document } : {}),
        });
        if (values.out) {
          writePrivateFile(values.out, file.text);
          process.stderr.write(`Wrote ${resolve(values.out)}\n`);
        } else process.stdout.write(file.text);
        return 0;
      }
      case 'notebook': {
        const problem = await notebookCommand(
          args,
          values,
          call,
          {
            line: print,
            bytes: (b) => process.stdout.write(Buffer.from(b)),
            note: (s) => process.stderr.write(`${s}\n`),
          },
          (input, styleXml) =>
            exportNotebook(backend.db, input.id as NotebookId, input.format, {
              appendix: input.appendix ?? false,
              styleXml,
            }),
        );
        return problem ? fail(problem) : 0;
      }
      case 'serve':
        return await serveCommand(backend, values.port, values.open);
      case 'delete':
      case 'trash':
      case 'collections':
        return await libraryCommand(
          command,
          args,
          { yes: values.yes, ...(values.parent ? { parent: values.parent } : {}) },
          call,
          printJson,
        );
      default:
        return fail(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof CliError || error instanceof AppError || error instanceof UsageError)
      return fail(error.message);
    throw error;
  } finally {
    if (command !== 'serve') backend.close();
  }
}

class CliError extends Error {}

async function restoreCommand(
  dataDir: string,
  file: string | undefined,
  latest: boolean,
): Promise<number> {
  try {
    printJson(await restoreFromCli(dataDir, file, latest));
    return 0;
  } catch (error) {
    if (error instanceof AppError || error instanceof WorkspaceError) return fail(error.message);
    throw error;
  }
}

async function importCommand(
  paths: string[],
  password: string | undefined,
  backend: Backend,
  ocrLanguages: string | undefined,
): Promise<number> {
  if (paths.length === 0) return fail('Usage: claimdesk import <files or folders...>');
  if (ocrLanguages !== undefined && 'problem' in parseLanguages(ocrLanguages)) {
    return fail((parseLanguages(ocrLanguages) as { problem: string }).problem);
  }
  let failures = 0;
  let finished = 0;
  const files = expandPaths(paths);
  if (files.length === 0)
    return fail(
      `No file to import in ${paths.join(', ')}: Claimdesk imports ${SUPPORTED_EXTENSIONS.join(' ')} ` +
        'files (hidden files and symbolic links inside folders are skipped).',
    );
  // Ctrl+C / SIGTERM: the files being read are dropped, the files not yet started are left alone
  const stopping = stopOnSignal({ closeNow: () => backend.close() });
  // one file more than the extraction pool reads in parallel, started as soon as any file ends: the
  // workers stay busy while the backend stores a finished file (its writes are one at a time
  // anyway); each outcome is printed in the order the files were given
  const inFlight = extractionPool.size + 1;
  const outcomes: Promise<ImportOutcome>[] = [];
  let next = 0;
  let running = 0;
  const start = () => {
    while (running < inFlight && next < files.length && !stopping.signal.aborted) {
      const path = files[next]!;
      running++;
      outcomes[next++] = importOne(path, password, backend, ocrLanguages, stopping.signal).finally(
        () => {
          running--;
          start();
        },
      );
    }
  };
  try {
    start();
    // `next` grows as files finish; after a stop no file starts, and the ones started are reported
    for (let i = 0; i < next; i++) {
      const outcome = await outcomes[i]!;
      outcome.print();
      if (outcome.stopped) continue; // nothing of it stored
      finished++;
      if (!outcome.ok) failures++;
    }
  } finally {
    stopping.dispose();
  }
  if (stopping.signal.aborted) {
    process.stderr.write(
      `claimdesk: stopped; ${files.length - finished} file(s) not imported, nothing of them ` +
        'stored. Run the same import again to finish: files already imported are skipped.\n',
    );
    return stopping.exitCode() ?? 1;
  }
  return failures > 0 ? 1 : 0;
}

interface ImportOutcome {
  ok: boolean;
  /** stopped by Ctrl+C / SIGTERM while it was read: nothing of it stored */
  stopped: boolean;
  /** prints its JSON line */
  print: () => void;
}

/** Imports one file; its outcome as a JSON line to print, and whether it was imported. */
async function importOne(
  path: string,
  password: string | undefined,
  backend: Backend,
  ocrLanguages: string | undefined,
  stop: AbortSignal,
): Promise<ImportOutcome> {
  const outcome = (ok: boolean, line: Record<string, unknown>) => ({
    ok,
    stopped: line.status === 'stopped',
    print: () => printJson(line),
  });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return outcome(false, {
      path,
      documentId: null,
      status: 'error',
      message: `Cannot read the file: ${(error as Error).message}`,
    });
  }
  const result = await withProgress(path, (job) =>
    backend.registry.call('documents.import', {
      fileName: path,
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      ...(password ? { password } : {}),
      ...(ocrLanguages ? { ocrLanguages } : {}),
      job,
    }),
  );
  if (result.ok) {
    const imported = result.value as Output<'documents.import'>;
    return outcome(true, {
      path,
      documentId: imported.document.id,
      status: imported.status,
      title: imported.document.meta.title,
    });
  }
  return outcome(false, {
    path,
    documentId: null,
    status: stop.aborted ? 'stopped' : 'error',
    message: result.error.message,
    reason: result.error.reason ?? result.error.code,
  });
}

/** Files as given, folders walked recursively for supported types, in a stable order. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      out.push(path); // reported as unreadable by the caller
      continue;
    }
    if (!isDir) {
      out.push(path);
      continue;
    }
    const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) out.push(...expandPaths([child]));
      else if (entry.isFile() && SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
        out.push(child);
    }
  }
  return out;
}

async function serveCommand(
  backend: Backend,
  portFlag: string | undefined,
  open: boolean,
): Promise<number> {
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return fail(`--port must be a number from 0 to 65535, not "${portFlag}".`);
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const running = await startServer({ registry: backend.registry, rendererDir, port });
  const stopMaintenance = startMaintenance(backend);
  print(`Claimdesk is running at ${running.url}`);
  print(`Workspace: ${backend.dataDir}`);
  print(
    "Open the link above in your browser (it carries this session's access token). Press Ctrl+C to stop.",
  );
  // a browser's command line is readable by every local user: it gets a link that works once
  if (open) openInBrowser(running.oneTimeUrl());
  // imports in flight are stopped first, so their requests end and the server can close
  await new Promise<void>((done) => {
    stopOnSignal({
      stopped: async () => {
        await Promise.all([stopMaintenance(), running.close()]);
        backend.close();
        done();
      },
      closeNow: () => backend.close(),
    });
  });
  return 0;
}

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  spawn(cmd, args, { stdio: 'ignore', detached: true })
    .on('error', () => {
      print('Could not open a browser; open the link above yourself.');
    })
    .unref();
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function fail(message: string): number {
  process.stderr.write(`claimdesk: ${message}\n`);
  return 1;
}

// run when executed (bin/claimdesk.js imports this module and calls main itself)
