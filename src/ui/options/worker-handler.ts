// What the parse worker does with a message. Apart from the protocol module so that the page,
// which only reads answers, does not bundle the parser.
import { parseUpload } from './uploads';
import { messageOf } from './upload-error';
import { isId, readRequest, type ParseRequest, type ParseResponse } from './worker-protocol';

/** The worker's whole job: one message in, one answer out; never throws. */
export function respond(data: unknown): ParseResponse {
  let request: ParseRequest;
  try {
    request = readRequest(data);
  } catch (e) {
    const id = typeof data === 'object' && data !== null && 'id' in data && isId(data.id) ? data.id : null;
    return { type: 'rejected', id, reason: messageOf(e) };
  }
  return { type: 'parsed', id: request.id, result: parseUpload(request.name, request.bytes) };
}
