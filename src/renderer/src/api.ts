/**
 * The renderer's only way to the backend: a typed client over window.api (Electron's preload) or
 * fetch (the serve shell). Types come from the contract in src/shared/api.ts.
 */
import type {
  ApiError,
  ExportFile,
  FileMethod,
  Input,
  Method,
  Output,
  Result,
} from '../../shared/api';
import { fromWire, toWire } from '../../shared/wire';
import { TOKEN_HEADER, sessionToken } from './session';

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

const UNAVAILABLE: ApiError = {
  code: 'unavailable',
  message: "Claimdesk's local server is not answering. Is `claimdesk serve` still running?",
};
const DENIED: ApiError = {
  code: 'unavailable',
  message: 'Access denied: open the link that `claimdesk serve` printed.',
};

/**
 * POSTs input to a path of the serve shell, with this tab's token as a header (never a cookie:
 * see session.ts); a refusal before any answer is an ApiError.
 */
async function post(path: string, input: unknown): Promise<Response | ApiError> {
  const token = sessionToken();
  if (token === null) return DENIED;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body: toWire(input),
      credentials: 'omit',
    });
  } catch {
    return UNAVAILABLE;
  }
  return response.status === 403 ? DENIED : response;
}

async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  const response = await post(`/rpc/${encodeURIComponent(method)}`, input);
  if (!(response instanceof Response)) return { ok: false, error: response };
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

/** Why a file route answered without a file: its JSON result, or what the server said. */
async function refusal(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const result = fromWire(text) as Result<unknown>;
    if (!result.ok) return result.error;
  } catch {
    // not a JSON result: a plain-text answer (404, 415, 500) is shown as it is
  }
  return {
    code: 'internal',
    message: `The server answered without a file (HTTP ${response.status}): ${text.slice(0, 200)}`,
  };
}

export interface FetchedFile {
  fileName: string;
  blob: Blob;
}

/** Bytes received so far; total is null until the size is known (or never, in the desktop shell). */
export interface FileProgress {
  received: number;
  total: number | null;
}

/**
 * Calls a method that answers with a file and returns the file's bytes. The serve shell sends the
 * file itself, read here chunk by chunk with progress, so a large export never becomes one huge
 * JSON string in the page; the desktop shell answers over IPC, where there is no such cost.
 */
export async function fetchFile<M extends FileMethod>(
  method: M,
  input: Input<M>,
  onProgress: (progress: FileProgress) => void = () => {},
): Promise<FetchedFile> {
  if (window.api) {
    const file: ExportFile = await invoke(method, input);
    const blob = new Blob([file.text], { type: file.mediaType });
    onProgress({ received: blob.size, total: blob.size });
    return { fileName: file.fileName, blob };
  }
  const response = await post(`/file/${encodeURIComponent(method)}`, input);
  if (!(response instanceof Response)) throw new RpcError(response);
  const name = response.headers.get('X-Claimdesk-File-Name');
  if (name === null || !response.body) throw new RpcError(await refusal(response));
  const total = Number(response.headers.get('Content-Length')) || null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  let reported = 0;
  const reader = response.body.getReader();
  onProgress({ received, total });
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
    try {
      chunk = await reader.read();
    } catch {
      throw new RpcError({
        code: 'unavailable',
        message: `The file stopped arriving after ${received.toLocaleString('en')} bytes. Is \`claimdesk serve\` still running? Try again.`,
      });
    }
    if (chunk.done) break;
    chunks.push(chunk.value);
    received += chunk.value.byteLength;
    // a report per percent (or per megabyte when the size is unknown) keeps React's work small
    if (received - reported >= (total ?? 100 * 1024 * 1024) / 100) {
      reported = received;
      onProgress({ received, total });
    }
  }
  if (total !== null && received !== total) {
    throw new RpcError({
      code: 'unavailable',
      message: `The file stopped arriving after ${received.toLocaleString('en')} of ${total.toLocaleString('en')} bytes. Is \`claimdesk serve\` still running? Try again.`,
    });
  }
  onProgress({ received, total });
  const blob = new Blob(chunks, { type: response.headers.get('Content-Type') ?? '' });
  return { fileName: decodeURIComponent(name), blob };
}
