import { ZodError } from 'zod';
import {
  api,
  type ApiError,
  type Method,
  type Output,
  type ParsedInput,
  type Result,
} from '../shared/api';
import type { Db } from './db/open';
import { AppError } from './errors';
import { inputToUnits, outputToPoints } from './wire-offsets';

/** What every handler gets besides its input. */
export interface Context {
  db: Db;
  dataDir: string;
  shell: 'electron' | 'serve' | 'cli';
  version: string;
  /** the better-sqlite3 binary the workspace was opened with, for other databases (Zotero's) */
  nativeBinding?: string;
}

export type Handler<M extends Method> = (
  ctx: Context,
  input: ParsedInput<M>,
) => Output<M> | Promise<Output<M>>;

export type HandlerMap = { [M in Method]: Handler<M> };
export type HandlerGroup = Partial<HandlerMap>;

export interface Registry {
  /** Validates and runs one call. Never throws: every failure is an `{ ok: false }` result. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  methods: readonly string[];
}

/**
 * Merges handler groups into the one registry all shells use. A method registered twice, or a method
 * of the contract with no handler, is a programming error caught at start-up.
 */
export function createRegistry(ctx: Context, groups: HandlerGroup[]): Registry {
  const handlers = new Map<string, Handler<Method>>();
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (handlers.has(name)) throw new Error(`RPC method ${name} is registered twice`);
      if (!Object.hasOwn(api, name))
        throw new Error(`RPC method ${name} is not in the API contract`);
      handlers.set(name, handler as Handler<Method>);
    }
  }
  const missing = Object.keys(api).filter((name) => !handlers.has(name));
  if (missing.length > 0) throw new Error(`RPC methods without a handler: ${missing.join(', ')}`);

  return {
    methods: [...handlers.keys()].sort(),
    async call(method, input) {
      const handler = Object.hasOwn(api, method) ? handlers.get(method) : undefined;
      if (!handler) {
        return failure({
          code: 'unknown_method',
          message: `Unknown method "${String(method).slice(0, 100)}".`,
        });
      }
      const schema = api[method as Method].input;
      let parsed: ReturnType<typeof schema.safeParse>;
      try {
        parsed = schema.safeParse(input ?? {});
      } catch {
        // only in-process callers can pass such input (a getter that throws, a hostile Proxy)
        return failure({
          code: 'invalid_input',
          message: `Invalid input for ${method}: unreadable.`,
        });
      }
      if (!parsed.success) return failure(invalidInput(method, parsed.error));
      try {
        // positions cross this boundary in code points; handlers count UTF-16 (wire-offsets.ts)
        const data = parsed.data as ParsedInput<Method>;
        const value = await handler(ctx, inputToUnits(ctx.db, method as Method, data));
        return { ok: true, value: outputToPoints(ctx.db, method as Method, data, value) };
      } catch (error) {
        return failure(toApiError(method, error));
      }
    },
  };
}

const failure = (error: ApiError): Result<never> => ({ ok: false, error });

function invalidInput(method: string, error: ZodError): ApiError {
  const details = error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
  return { code: 'invalid_input', message: `Invalid input for ${method}: ${details}` };
}

export function toApiError(method: string, error: unknown): ApiError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.reason ? { reason: error.reason } : {}),
    };
  }
  if (error instanceof ZodError) return invalidInput(method, error);
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return {
      code: 'conflict',
      message: `${method} would break the workspace's consistency (${code}); nothing was changed.`,
    };
  }
  if (code === 'SQLITE_READONLY') {
    // query_only after the background check found damage (background-check.ts), or a read-only file
    return {
      code: 'unavailable',
      message:
        `${method} was refused: the workspace is read-only (the background check found it damaged, ` +
        'or its file cannot be written). Nothing was changed; see claimdesk check.',
    };
  }
  if (typeof code === 'string' && (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')) {
    return { code: 'unavailable', message: 'The workspace is busy; try again in a moment.' };
  }
  console.error(`[claimdesk] ${method} failed:`, error);
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `${method} failed unexpectedly: ${message.slice(0, 500)}. Nothing was changed. Please report this.`,
  };
}
