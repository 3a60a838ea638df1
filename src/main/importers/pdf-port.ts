/**
 * The channel between pdf.js's API and its worker code when both run in this thread.
 *
 * Node has no web workers, so pdf.js runs its worker code in the calling thread ("fake worker")
 * and talks to it through a port that structured-clones every message, which for text extraction
 * is every text item: about a tenth of the extraction time, spent copying objects that neither
 * side touches again (pdf.js builds each text content chunk afresh and the API only reads it).
 * These ports hand messages over as they are, asynchronously and in order, like pdf.js's own
 * LoopbackPort minus the copy; pdf.js accepts any such port (`new PDFWorker({ port })`).
 */

type Listener = (event: { data: unknown }) => void;

export interface DirectPort {
  postMessage(data: unknown, transfer?: unknown): void;
  addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal }): void;
  removeEventListener(type: string, listener: Listener): void;
  terminate(): void;
}

/** Two connected ports: what one posts, the other's listeners receive. */
export function directPorts(): [DirectPort, DirectPort] {
  const listeners = [new Set<Listener>(), new Set<Listener>()] as const;
  const port = (own: Set<Listener>, other: Set<Listener>): DirectPort => ({
    postMessage(data) {
      const event = { data: detachChunk(data) };
      // a microtask, as pdf.js's LoopbackPort: the sender finishes its turn first
      void Promise.resolve().then(() => {
        for (const listener of [...other]) listener(event);
      });
    },
    addEventListener(type, listener, options) {
      if (type !== 'message' || options?.signal?.aborted) return;
      own.add(listener);
      options?.signal?.addEventListener('abort', () => own.delete(listener), { once: true });
    },
    removeEventListener(_type, listener) {
      own.delete(listener);
    },
    terminate() {
      own.clear();
    },
  });
  return [port(listeners[0], listeners[1]), port(listeners[1], listeners[0])];
}

/**
 * pdf.js streams text content by enqueuing its working object and then giving that object new
 * `items` and `styles` arrays for the next chunk: with cloning that is harmless, handed over as is
 * the reader would see the next chunk's (empty) arrays. A stream chunk is therefore copied one
 * level deep: the arrays it holds are never touched again by the sender.
 */
function detachChunk(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !('chunk' in data)) return data;
  const { chunk } = data as { chunk: unknown };
  if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk)) return data;
  // an operator list chunk (OCR's scan detection asks for them) is emptied in place after sending
  const ops = chunk as { fnArray?: unknown; argsArray?: unknown };
  if (Array.isArray(ops.fnArray) && Array.isArray(ops.argsArray)) {
    return {
      ...data,
      chunk: { ...chunk, fnArray: [...ops.fnArray], argsArray: [...ops.argsArray] },
    };
  }
  return { ...data, chunk: { ...chunk } };
}
