import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Input, Method, Output } from '../shared/api';
import {
  NOTEBOOK_EXPORT_FORMATS,
  type NotebookExportFormat,
  type NotebookFile,
} from '../shared/api-notebooks';
import { readStyle } from './citations/styles-db';
import { writePrivateFile } from './private-files';

/**
 * `claimdesk notebook list | export ID --format md|html|docx [--out FILE] [--appendix]
 * [--style apa|chicago-author-date|mla|harvard|ID|FILE.csl]`: thin over the registry, like the
 * rest of the CLI. A .csl file is used as it is, without adding it to the workspace (as `cite`
 * does), so that one export goes straight to the exporter with the file's XML.
 */
export const NOTEBOOK_USAGE =
  'Usage: claimdesk notebook list | claimdesk notebook export ID --format md|html|docx [--out FILE] [--appendix] [--style apa|chicago-author-date|mla|harvard|ID|FILE.csl]';

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

/** Exports with a style's XML (a .csl file the CLI read) instead of a style id. */
export type ExportWithStyleXml = (
  input: Omit<Input<'notebooks.export'>, 'style'>,
  styleXml: string,
) => Promise<NotebookFile>;

export interface NotebookFlags {
  format?: string;
  out?: string;
  appendix: boolean;
  style?: string;
}

export async function notebookCommand(
  args: string[],
  flags: NotebookFlags,
  call: Call,
  out: { line: (s: string) => void; bytes: (b: Uint8Array) => void; note: (s: string) => void },
  exportWithStyleXml: ExportWithStyleXml,
): Promise<string | null> {
  const [sub, id] = args;
  if (sub === 'list' && !id) {
    for (const n of await call('notebooks.list', {})) {
      out.line(
        JSON.stringify({
          id: n.id,
          title: n.title,
          entityId: n.entityId,
          documentId: n.documentId,
          collectionId: n.collectionId,
          updatedAt: n.updatedAt,
        }),
      );
    }
    return null;
  }
  if (sub === 'export' && id) {
    const format = flags.format ?? 'md';
    if (!(NOTEBOOK_EXPORT_FORMATS as readonly string[]).includes(format))
      return `Unknown notebook format "${format}". Use: ${NOTEBOOK_EXPORT_FORMATS.join(', ')}.`;
    if (format === 'docx' && !flags.out && process.stdout.isTTY)
      return 'A DOCX file is binary: give --out FILE (or redirect the output to a file).';
    const input = { id, format: format as NotebookExportFormat, appendix: flags.appendix };
    let file: NotebookFile;
    if (flags.style && /\.csl$/i.test(flags.style) && existsSync(flags.style)) {
      const xml = readFileSync(flags.style, 'utf8');
      readStyle(xml); // a file that is not an independent CSL style is refused by name
      file = await exportWithStyleXml(input, xml);
    } else {
      file = await call('notebooks.export', {
        ...input,
        ...(flags.style ? { style: flags.style } : {}),
      });
    }
    if (flags.out) {
      // notes and quotes can be sensitive: the file is the researcher's alone, like other exports
      writePrivateFile(flags.out, file.bytes);
      out.note(`Wrote ${resolve(flags.out)}`);
    } else out.bytes(file.bytes);
    return null;
  }
  return NOTEBOOK_USAGE;
}
