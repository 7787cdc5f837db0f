// The page's side of the parse worker: one promise per file, answered in order. If the worker
// dies (out of memory on a huge file, a crash in the parser), only the file it was working on
// fails: a fresh worker is started and the files still waiting are sent to it again.
import type { UploadResult } from './uploads';
import { messageOf } from './upload-error';
import { ProtocolError, readResponse, type ParseRequest } from './worker-protocol';

/** The part of `Worker` the client uses (a real Worker fits; so does inlineWorker()). */
export interface WorkerLike {
  postMessage(message: ParseRequest): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface UploadParser {
  /** Never rejects: every failure is an UploadResult with ok false. */
  parse(name: string, bytes: Uint8Array): Promise<UploadResult>;
  /** Stops the worker; files still waiting resolve as failed. */
  dispose(): void;
}

interface Waiting {
  request: ParseRequest;
  resolve(result: UploadResult): void;
}

const failedWith = (detail: string): UploadResult => ({ ok: false, error: { code: 'worker-failed', detail } });

export function createParseClient(spawn: () => WorkerLike): UploadParser {
  let worker: WorkerLike | null = null;
  let nextId = 0;
  // Insertion order is the order the worker handles them in: the first is the one in progress.
  const waiting = new Map<number, Waiting>();

  const settle = (id: number, result: UploadResult): void => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    w.resolve(result);
  };

  function crashed(detail: string): void {
    worker?.terminate();
    worker = null;
    const [current] = waiting.keys();
    if (current !== undefined) settle(current, failedWith(detail));
    if (waiting.size > 0) {
      const fresh = ensureWorker();
      for (const w of waiting.values()) fresh?.postMessage(w.request);
    }
  }

  function received(data: unknown): void {
    try {
      const response = readResponse(data);
      if (response.type === 'parsed') settle(response.id, response.result);
      else if (response.id !== null) settle(response.id, failedWith(`the parser refused the request: ${response.reason}`));
      else crashed(`the parser refused a request: ${response.reason}`);
    } catch (e) {
      const id = typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'number' ? data.id : undefined;
      const detail = e instanceof ProtocolError ? `malformed answer from the parser: ${e.message}` : messageOf(e);
      if (id !== undefined && waiting.has(id)) settle(id, failedWith(detail));
      else crashed(detail);
    }
  }

  function ensureWorker(): WorkerLike | null {
    if (worker) return worker;
    let w: WorkerLike;
    try {
      w = spawn();
    } catch (e) {
      for (const id of [...waiting.keys()]) settle(id, failedWith(`the parser could not start: ${messageOf(e)}`));
      return null;
    }
    // Events of a worker already replaced are ignored: its files were handed to the new one.
    w.addEventListener('message', (event) => {
      if (w === worker) received('data' in event ? event.data : undefined);
    });
    w.addEventListener('messageerror', () => {
      if (w === worker) crashed('an answer from the parser could not be read');
    });
    w.addEventListener('error', (event) => {
      if (w !== worker) return;
      event.preventDefault();
      crashed('message' in event && typeof event.message === 'string' && event.message !== '' ? event.message : 'the parser stopped');
    });
    worker = w;
    return w;
  }

  return {
    parse(name, bytes) {
      const request: ParseRequest = { type: 'parse', id: nextId++, name, bytes };
      return new Promise<UploadResult>((resolve) => {
        waiting.set(request.id, { request, resolve });
        ensureWorker()?.postMessage(request);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const id of [...waiting.keys()]) settle(id, failedWith('the page stopped the parser'));
    },
  };
}
