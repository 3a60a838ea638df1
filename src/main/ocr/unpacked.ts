/**
 * Files a worker thread loads (the OCR worker script, the WebAssembly core, language data) cannot
 * be read from inside Electron's asar archive by a worker: electron-builder unpacks them
 * (electron-builder.yml, asarUnpack) beside it, into `app.asar.unpacked`.
 */
import path from 'node:path';

const ASAR = `${path.sep}app.asar${path.sep}`;
const UNPACKED = `${path.sep}app.asar.unpacked${path.sep}`;

export function unpackedPath(file: string): string {
  return file.includes(ASAR) ? file.replace(ASAR, UNPACKED) : file;
}
