// The trie the automaton is built from, in typed arrays: the content script builds it once per
// tab before the JIT has warmed up, when a Map per state costs ten times as much.

export class Trie {
  /** States made so far; state 0 is the root. */
  states = 1;
  /** Per state (child side): the class on the edge into it. */
  readonly label: Int32Array;
  /** Per state: its first child, and per child its next sibling (-1 ends a list). */
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  /** (state, class) → child, by open addressing; slotState -1 marks a free slot. */
  private readonly slotState: Int32Array;
  private readonly slotLabel: Int32Array;
  private readonly slotChild: Int32Array;
  private readonly shift: number;

  /** Room for `capacity` states (one more than the patterns' total length is always enough). */
  constructor(capacity: number) {
    this.label = new Int32Array(capacity);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.slotState = new Int32Array(1 << bits).fill(-1);
    this.slotLabel = new Int32Array(1 << bits);
    this.slotChild = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  /** The child of `state` on `label`, made if missing. */
  childOrNew(state: number, label: number): number {
    const mask = this.slotState.length - 1;
    let h = this.hash(state, label);
    for (; ; h = (h + 1) & mask) {
      const s = this.slotState[h]!;
      if (s === -1) break;
      if (s === state && this.slotLabel[h] === label) return this.slotChild[h]!;
    }
    const child = this.states++;
    this.slotState[h] = state;
    this.slotLabel[h] = label;
    this.slotChild[h] = child;
    this.label[child] = label;
    this.nextSibling[child] = this.firstChild[state]!;
    this.firstChild[state] = child;
    return child;
  }

  private hash(state: number, label: number): number {
    return Math.imul(Math.imul(state, 0x85ebca6b) ^ label, 0x9e3779b1) >>> this.shift;
  }
}
