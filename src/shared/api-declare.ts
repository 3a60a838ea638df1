/**
 * The building blocks of the API contract, in a module of their own so that api.ts and the feature
 * contracts it spreads in (api-entities.ts, api-search.ts) can share them without an import loop.
 */
import { z } from 'zod';

/** Declares a method: its input schema, and its output type (compile-time only). */
export function method<I extends z.ZodType>(input: I) {
  return { returns: <O>() => ({ input, output: undefined as unknown as O }) };
}

/** An opaque id such as doc_3f9c0a1b2c3d4e5f60718293, typed as the branded id T. */
export const id = <T>(prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9a-f]{8,64}$`), `must be an id that starts with "${prefix}_"`)
    .transform((s) => s as T);
