import { expect } from 'vitest';
import type { ApiError, Input, Method, Output } from '../../shared/api';
import type { Backend } from '../backend';

/** Calls the backend the way a shell does (input validation included); throws on an error result. */
export function rpcOf(backend: Backend) {
  return async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = await backend.registry.call(method, input);
    if (!result.ok)
      throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as Output<M>;
  };
}

/** Calls a method that must fail, and returns its error. */
export async function failureOf<M extends Method>(
  backend: Backend,
  method: M,
  input: Input<M>,
): Promise<ApiError> {
  const result = await backend.registry.call(method, input);
  expect(result.ok, `${method} should have failed`).toBe(false);
  return (result as { ok: false; error: ApiError }).error;
}
