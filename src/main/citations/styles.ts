/**
 * The CSL styles shipped with the app (resources/csl, written by scripts/csl-styles.js from the npm
 * packages that publish them; CC BY-SA 3.0, see resources/csl/NOTICE.md). They are bundled into the
 * backend as strings, so citing needs no file access and works inside a packaged app.
 */
import apa from '../../../resources/csl/apa.csl?raw';
import chicago from '../../../resources/csl/chicago-author-date.csl?raw';
import harvard from '../../../resources/csl/harvard-cite-them-right.csl?raw';
import enUS from '../../../resources/csl/locales-en-US.xml?raw';
import mla from '../../../resources/csl/modern-language-association.csl?raw';
import type { BuiltinStyleId } from '../../shared/citation-styles';

export const BUILTIN_STYLE_XML: Record<BuiltinStyleId, string> = {
  apa,
  'chicago-author-date': chicago,
  mla,
  harvard,
};

/** The one locale shipped; citeproc falls back to it for every language a style asks for. */
export const LOCALE_XML = enUS;
