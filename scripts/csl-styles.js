#!/usr/bin/env node
/**
 * Writes the CSL styles and locale Claimdesk ships (resources/csl/) from the npm packages that
 * publish them, so every file can be traced to its source and refreshed with one command:
 *   node scripts/csl-styles.js
 * APA 7th, Cite Them Right (Harvard) and the en-US locale come from @citation-js/plugin-csl; Chicago
 * author-date (17th) and MLA (9th) from rehype-citation (a dev dependency, used only here). The
 * styles are the Citation Style Language project's, under CC BY-SA 3.0; each file keeps its
 * <rights> element, and resources/csl/NOTICE.md says where each came from.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'csl');
mkdirSync(out, { recursive: true });

const citationJs = dirname(require.resolve('@citation-js/plugin-csl/package.json'));
const styles = JSON.parse(readFileSync(join(citationJs, 'lib', 'styles.json'), 'utf8'));
const locales = JSON.parse(readFileSync(join(citationJs, 'lib', 'locales.json'), 'utf8'));
// rehype-citation exports no package.json: its folder is found beside the others
const rehype = join(dirname(dirname(citationJs)), 'rehype-citation');
/** rehype-citation's style modules are `export default \`<xml>\`;` */
const fromModule = (file) => {
  const source = readFileSync(join(rehype, 'dist', 'node', 'styles', file), 'utf8');
  const match = /^export default `([\s\S]*)`;\s*$/.exec(source);
  if (!match) throw new Error(`rehype-citation/${file} is not a string module any more`);
  return match[1];
};

const files = {
  'apa.csl': styles.apa,
  'harvard-cite-them-right.csl': styles.harvard1,
  'chicago-author-date.csl': fromModule('chicago.js'),
  'modern-language-association.csl': fromModule('mla.js'),
  'locales-en-US.xml': locales['en-US'],
};
for (const [name, xml] of Object.entries(files)) {
  if (!xml.includes('creativecommons.org/licenses/by-sa/3.0')) {
    throw new Error(`${name}: the CC BY-SA licence notice is missing`);
  }
  writeFileSync(join(out, name), xml.endsWith('\n') ? xml : `${xml}\n`);
  console.log(`resources/csl/${name}`);
}
