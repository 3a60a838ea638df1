/** The citation styles shipped with Claimdesk; a researcher may add others as .csl files. */
export const BUILTIN_STYLES = [
  { id: 'apa', title: 'APA 7th edition' },
  { id: 'chicago-author-date', title: 'Chicago 17th edition (author-date)' },
  { id: 'mla', title: 'MLA 9th edition' },
  { id: 'harvard', title: 'Harvard (Cite Them Right)' },
] as const;

export type BuiltinStyleId = (typeof BUILTIN_STYLES)[number]['id'];
export const DEFAULT_STYLE: BuiltinStyleId = 'apa';

export const isBuiltinStyle = (id: string): id is BuiltinStyleId =>
  BUILTIN_STYLES.some((s) => s.id === id);
