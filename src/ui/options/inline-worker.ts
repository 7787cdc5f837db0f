// The parse worker's protocol run on the calling thread: the same `respond`, the same structured
// cloning in both directions, answers delivered as later message events, and a handler that
// throws reported as an `error` event, as a worker's uncaught error is. For environments without
// workers (the component tests in happy-dom): parsing blocks the thread, nothing else differs.
// The extension page does not use it, so its bundle does not carry the parser.
import type { WorkerLike } from './parse-client';
import { messageOf } from './upload-error';
import { respond } from './worker-handler';
import type { ParseRequest } from './worker-protocol';

/** An `error` event with a message, like a worker's ErrorEvent (Node has no ErrorEvent). */
class WorkerErrorEvent extends Event {
  constructor(readonly message: string) {
    super('error', { cancelable: true });
  }
}

export function inlineWorker(handle: (data: unknown) => unknown = respond): WorkerLike {
  const events = new EventTarget();
  let stopped = false;
  return {
    postMessage(message: ParseRequest) {
      const data = structuredClone(message);
      setTimeout(() => {
        if (stopped) return;
        let event: Event;
        try {
          event = new MessageEvent('message', { data: structuredClone(handle(data)) });
        } catch (e) {
          event = new WorkerErrorEvent(messageOf(e));
        }
        if (!stopped) events.dispatchEvent(event);
      }, 0);
    },
    addEventListener(type, listener) {
      events.addEventListener(type, listener);
    },
    terminate() {
      stopped = true;
    },
  };
}
