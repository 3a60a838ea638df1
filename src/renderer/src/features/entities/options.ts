/**
 * What the entity pickers offer for a query. Pure, so the rules a researcher relies on all day are
 * tested without a browser: Enter takes the best match only when it is a strong one (exact, prefix,
 * word prefix, close spelling); creating is always offered, never taken on its own, and asks for
 * the kind.
 */
import type { EntitySearchHit } from '../../../../shared/api-entities';
import { isStrong } from '../../../../shared/fuzzy';
import type { EntityId } from '../../../../shared/model';

export interface EntityRef {
  id: EntityId;
  name: string;
  kind: string;
  /** created by this picker just now (the gesture's save folds it into its own undo step) */
  created?: boolean;
}

export type EntityOption =
  | { type: 'entity'; key: string; entity: EntityRef; matched: string | null; strong: boolean }
  /** "Create “…”…": picking it asks for the kind (or creates at once when only one is allowed) */
  | { type: 'create'; key: string; name: string; kinds: readonly string[] }
  /** the answer to "Create “…” as…?" */
  | { type: 'kind'; key: string; name: string; kind: string };

export interface OptionInput {
  query: string;
  hits: readonly EntitySearchHit[];
  /** entities already chosen in this field: not offered again */
  chosen: readonly EntityId[];
  /** offered before anything is typed (recently used) */
  recent: readonly EntityRef[];
  /** kinds a new entity may have; empty: no create options */
  createKinds: readonly string[];
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export function entityOptions(input: OptionInput): EntityOption[] {
  const query = clean(input.query);
  const chosen = new Set<string>(input.chosen);
  if (query === '') {
    return input.recent
      .filter((e) => !chosen.has(e.id))
      .map((e) => ({ type: 'entity', key: e.id, entity: e, matched: null, strong: false }));
  }
  const found: EntityOption[] = input.hits
    .filter((h) => !chosen.has(h.entity.id))
    .map((h) => ({
      type: 'entity',
      key: h.entity.id,
      entity: { id: h.entity.id, name: h.entity.name, kind: h.entity.kind },
      matched: h.matched !== h.entity.name ? h.matched : null,
      strong: isStrong(h.quality),
    }));
  const create: EntityOption[] =
    input.createKinds.length > 0
      ? [{ type: 'create', key: 'create', name: query, kinds: input.createKinds }]
      : [];
  return [...found, ...create];
}

/** The question after "Create “…”": one option per kind, none taken on its own. */
export const kindOptions = (name: string, kinds: readonly string[]): EntityOption[] =>
  kinds.map((kind) => ({ type: 'kind', key: `kind:${kind}`, name: clean(name), kind }));

/**
 * The option Enter takes before the arrows are used: the best match if it is strong, else none
 * (a weak match or "Create" must be chosen with the arrows or the mouse).
 */
export const preselected = (options: readonly EntityOption[]): number =>
  options[0]?.type === 'entity' && options[0].strong ? 0 : -1;

/** ↑/↓ through a list, wrapping; -1 (nothing active) is where ↓ starts and ↑ ends. */
export function moveActive(current: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return current + 1 >= count ? 0 : current + 1;
  return current <= 0 ? count - 1 : current - 1;
}

/** Fixed choices (claim types, certainties) filtered by what was typed: prefix matches first. */
export function filterChoices(values: readonly string[], query: string): string[] {
  const q = clean(query).toLowerCase();
  if (q === '') return [...values];
  const starts = values.filter((v) => v.toLowerCase().startsWith(q));
  const contains = values.filter((v) => !starts.includes(v) && v.toLowerCase().includes(q));
  return [...starts, ...contains];
}

export const createLabel = (name: string, kind: string) => `Create “${name}” as ${kind}`;
