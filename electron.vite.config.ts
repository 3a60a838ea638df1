import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Ships pdf.js's data files with the renderer under `pdfjs/` (served by the dev server, emitted by
 * the build), so the page view never fetches anything from the network: character maps for CJK
 * fonts, the standard 14 fonts for PDFs that do not embed them, and the plain-JavaScript JPEG 2000
 * decoder (the WebAssembly one is not used: see src/renderer/src/features/pdf/pdfjs.ts).
 */
function pdfjsAssets(): Plugin {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const files = (dir: string, keep: (name: string) => boolean) =>
    readdirSync(join(root, dir))
      .filter(keep)
      .map((name) => `${dir}/${name}`);
  const shipped = new Set([
    ...files('cmaps', (n) => n.endsWith('.bcmap') || n === 'LICENSE'),
    ...files('standard_fonts', () => true),
    ...files('wasm', (n) => n.endsWith('.js') || n.startsWith('LICENSE')),
  ]);
  return {
    name: 'claimdesk-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\//, ''));
        if (!shipped.has(path)) return next();
        res.setHeader(
          'Content-Type',
          path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream',
        );
        res.end(readFileSync(join(root, path)));
      });
    },
    generateBundle() {
      for (const path of shipped) {
        this.emitFile({
          type: 'asset',
          fileName: `pdfjs/${path}`,
          source: readFileSync(join(root, path)),
        });
      }
    },
  };
}

/**
 * The OCR worker thread's script (src/main/ocr/tesseract-worker.cjs) is plain CommonJS that loads
 * tesseract.js's own worker script from node_modules: shipped as is, beside the main bundle, where
 * src/main/ocr/engine.ts looks for it.
 */
function ocrWorkerScript(): Plugin {
  return {
    name: 'claimdesk-ocr-worker',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'ocr-worker.cjs',
        source: readFileSync(resolve('src/main/ocr/tesseract-worker.cjs')),
      });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [ocrWorkerScript()],
    build: {
      rollupOptions: {
        // index: the Electron entry; cli: the `claimdesk` command and serve shell (plain Node)
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli.ts'),
          'import-worker': resolve('src/main/importers/worker.ts'),
          // the background check's thread (src/main/background-check.ts)
          'check-worker': resolve('src/main/db/check-worker.ts'),
          // the backend as a library, for the benchmark harness (bench/)
          backend: resolve('src/main/backend-lib.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // a sandboxed preload must be CommonJS (Electron does not support ESM preloads in sandboxes)
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), pdfjsAssets()],
    build: {
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});
