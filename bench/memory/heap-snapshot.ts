// A V8 heap snapshot (HeapProfiler.takeHeapSnapshot) summed by what its nodes are: objects and
// Blink's wrappers by constructor name, strings, code, closures and V8's own arrays by kind. Self
// sizes only (no dominator tree): enough to say where a difference between two pages' heaps lies.
import type { CDPSession } from 'playwright-core';

export interface HeapGroup {
  bytes: number;
  count: number;
}

/** The parts of the snapshot format (v8's heap-snapshot-generator) that are read here. */
interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Node types whose name is a constructor or a class, kept apart by it. */
const NAMED = new Set(['object', 'native']);
/** Node types summed as one group, whatever their names (a string's name is its contents). */
const LABELS: Record<string, string> = {
  string: '(strings)',
  'concatenated string': '(strings)',
  'sliced string': '(strings)',
  code: '(compiled code)',
  closure: '(closures)',
  regexp: '(regexps)',
  number: '(heap numbers)',
  bigint: '(bigints)',
  symbol: '(symbols)',
  'object shape': '(object shapes)',
};

/** A node name short enough for a table: template arguments and V8's object ids dropped, so alike nodes share a group. */
export function shortName(name: string): string {
  let out = '';
  let depth = 0;
  for (const ch of name) {
    if (ch === '<') {
      if (depth === 0) out += '<…>';
      depth++;
    } else if (ch === '>' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  if (depth > 0) out = name; // a lone '<' (an operator in a name), not template arguments
  out = out.replace(/ @\d+/g, '').trim();
  return out.length > 80 ? `${out.slice(0, 79)}…` : out;
}

/** Self sizes summed by group: `object Foo`, `native Range`, `(strings)`, `array (object elements)` … */
export function summarise(snapshot: RawSnapshot): Map<string, HeapGroup> {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => {
    const i = fields.indexOf(f);
    if (i < 0) throw new Error(`the heap snapshot's nodes have no ${f} field`);
    return i;
  }) as [number, number, number];
  const groups = new Map<string, HeapGroup>();
  for (let n = 0; n < snapshot.nodes.length; n += fields.length) {
    const bytes = snapshot.nodes[n + sizeAt]!;
    if (bytes === 0) continue;
    const type = types[snapshot.nodes[n + typeAt]!] ?? 'unknown';
    const name = shortName(snapshot.strings[snapshot.nodes[n + nameAt]!] ?? '');
    const key = LABELS[type] ?? (NAMED.has(type) ? `${type} ${name}` : `${type} ${name.startsWith('(') ? name : '(other)'}`);
    const group = groups.get(key) ?? { bytes: 0, count: 0 };
    group.bytes += bytes;
    group.count++;
    groups.set(key, group);
  }
  return groups;
}

/** Takes a snapshot of the session's target (after the caller's GC) and summarises it. */
export async function snapshotGroups(cdp: CDPSession): Promise<Map<string, HeapGroup>> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return summarise(JSON.parse(chunks.join('')) as RawSnapshot);
}

/** Groups by how much more `b` holds than `a`, largest first. */
export function difference(a: Map<string, HeapGroup>, b: Map<string, HeapGroup>): { key: string; bytes: number; count: number }[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys]
    .map((key) => ({ key, bytes: (b.get(key)?.bytes ?? 0) - (a.get(key)?.bytes ?? 0), count: (b.get(key)?.count ?? 0) - (a.get(key)?.count ?? 0) }))
    .sort((x, y) => y.bytes - x.bytes);
}
