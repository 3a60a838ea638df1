// citeproc (citeproc-js in CommonJS) ships no types; only what format.ts uses is declared.
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  interface CitationItem {
    id: string;
    locator?: string;
    label?: string;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type of CSL.Engine
  class Engine {
    constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeCitationCluster(items: CitationItem[]): string;
    makeBibliography(): [{ bibstart: string; bibend: string }, string[]] | false;
    opt: { xclass?: string };
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
