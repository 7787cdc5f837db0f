// The current tab's findings: a tab without our content script rejects the message, and an
// unexpected reply is malformed; both mean "nothing here".
import { describe, expect, it } from 'vitest';
import { readTabFindings } from '../../../src/ui/popup/tab-findings';

describe('readTabFindings', () => {
  it('returns the entities of a well-formed reply', async () => {
    const reply = { entities: [{ id: 'person:曹慧泉', name: '曹慧泉', type: 'person', count: 3 }] };
    expect(await readTabFindings(() => Promise.resolve(reply))).toEqual(reply.entities);
  });

  it('reads a rejected message (no content script in the tab) as none', async () => {
    expect(await readTabFindings(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')))).toBeNull();
  });

  it('reads a malformed or missing reply as none', async () => {
    expect(await readTabFindings(() => Promise.resolve(undefined))).toBeNull();
    expect(await readTabFindings(() => Promise.resolve({ entities: [{ id: 1 }] }))).toBeNull();
  });
});
