// @citation-js/core ships no types; only what references/ and exporters/bibliography.ts use.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    input: {
      chain(
        data: unknown,
        options?: { generateGraph?: boolean; forceType?: string },
      ): Record<string, unknown>[];
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
