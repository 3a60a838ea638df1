import { randomBytes } from 'node:crypto';

/** New opaque id such as doc_3f9c0a1b2c3d4e5f60718293 (matches the id schemas in shared/api.ts). */
export function newId<T extends string>(
  prefix: 'doc' | 'clm' | 'ent' | 'men' | 'rel' | 'src' | 'nbk' | 'col',
): T {
  return `${prefix}_${randomBytes(12).toString('hex')}` as T;
}

export const now = (): string => new Date().toISOString();
