// The options page's parse worker: one file per message in, one result out (see
// src/ui/options/worker-protocol.ts). Parsing runs here so the page stays responsive.
import { respond } from '../../src/ui/options/worker-handler';

// The project compiles against the DOM library, not WebWorker: name only what this scope uses.
const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown): void;
};

scope.addEventListener('message', (event) => scope.postMessage(respond(event.data)));
