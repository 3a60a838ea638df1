/**
 * The renderer's only way to the backend: a typed client over window.api (Electron's preload) or
 * fetch (the serve shell). Types come from the contract in src/shared/api.ts.
 */
import type { ApiError, Input, Method, Output, Result } from '../../shared/api';
import { fromWire, toWire } from '../../shared/wire';

interface PreloadApi {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

export class RpcError extends Error {
  readonly code: ApiError['code'];
  readonly reason: string | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'RpcError';
    this.code = error.code;
    this.reason = error.reason;
  }
}

async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: toWire(input),
      credentials: 'same-origin',
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'unavailable',
        message: "Claimdesk's local server is not answering. Is `claimdesk serve` still running?",
      },
    };
  }
  if (response.status === 403) {
    return {
      ok: false,
      error: {
        code: 'unavailable',
        message: 'Access denied: open the link that `claimdesk serve` printed.',
      },
    };
  }
  return fromWire(await response.text()) as Result<unknown>;
}

/** Calls a backend method; resolves with its value or rejects with an RpcError. */
export async function invoke<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = window.api
    ? await window.api.invoke(method, input)
    : await overHttp(method, input);
  if (!result.ok) throw new RpcError(result.error);
  return result.value as Output<M>;
}

export const isDesktop = (): boolean => window.api !== undefined;
