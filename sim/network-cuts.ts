// The network's cuts: which directed pairs of nodes cannot talk (partitions, isolations, one-way cuts, bridges).
// sim/network.ts checks the matrix at send time and again at delivery, so a cut also stops messages in flight.
import { fail } from './assert.js';
/** A node id (sim/network.ts NodeId). */
type NodeId = string;

export class Cuts {
  /** blocked[from * n + to] === 1 when that directed pair is cut. */
  readonly blocked: Uint8Array;
  /** Nodes cut off by isolate() and not yet rejoined: a rejoin leaves the links between two of them cut. */
  private readonly isolated: Uint8Array;
  private readonly n: number;

  constructor(
    private readonly nodes: readonly NodeId[],
    private readonly indexOf: (node: NodeId) => number,
  ) {
    this.n = nodes.length;
    this.blocked = new Uint8Array(this.n * this.n);
    this.isolated = new Uint8Array(this.n);
  }

  /**
   * Cuts between groups: nodes in different groups cannot talk; unlisted nodes form one extra group.
   * Cuts are additive (they never remove an existing cut); call heal() first to replace a partition.
   */
  partition(groups: NodeId[][]): void {
    const groupOf = new Int32Array(this.n).fill(groups.length);
    const seen = new Uint8Array(this.n);
    groups.forEach((group, g) => {
      for (const node of group) {
        const i = this.indexOf(node);
        if (seen[i] === 1) fail(`Network.partition: node ${node} appears in more than one group`);
        seen[i] = 1;
        groupOf[i] = g;
      }
    });
    for (let f = 0; f < this.n; f++) {
      for (let t = 0; t < this.n; t++) if (groupOf[f] !== groupOf[t]) this.blocked[f * this.n + t] = 1;
    }
  }

  /** Cuts `node` from every other node, both directions. */
  isolate(node: NodeId): void {
    const i = this.indexOf(node);
    this.isolated[i] = 1;
    for (let j = 0; j < this.n; j++) {
      if (j === i) continue;
      this.blocked[i * this.n + j] = 1;
      this.blocked[j * this.n + i] = 1;
    }
  }

  /** Blocks every from[i] -> to[j] (i.e. asymmetric: the reverse direction is untouched). */
  cutOneWay(from: NodeId[], to: NodeId[]): void {
    const fs = from.map((node) => this.indexOf(node));
    const ts = to.map((node) => this.indexOf(node));
    for (const f of fs) for (const t of ts) if (f !== t) this.blocked[f * this.n + t] = 1;
  }

  /** A and B cannot talk to each other; bridgeNode (even if listed in A or B) keeps talking to both. */
  bridge(sideA: NodeId[], sideB: NodeId[], bridgeNode: NodeId): void {
    const bridge = this.indexOf(bridgeNode);
    const a = sideA.map((node) => this.indexOf(node)).filter((i) => i !== bridge);
    const b = sideB.map((node) => this.indexOf(node)).filter((i) => i !== bridge);
    for (const i of a) if (b.includes(i)) fail(`Network.bridge: node ${this.nodes[i]} is on both sides`);
    for (const i of a) {
      for (const j of b) {
        this.blocked[i * this.n + j] = 1;
        this.blocked[j * this.n + i] = 1;
      }
    }
  }

  /** Ends `node`'s isolation: the cuts on its links are removed, both directions, except those to nodes that are
   *  themselves isolated (a partition's cuts on its links go too). */
  rejoin(node: NodeId): void {
    const i = this.indexOf(node);
    this.isolated[i] = 0;
    for (let j = 0; j < this.n; j++) {
      if (this.isolated[j] === 1) continue;
      this.blocked[i * this.n + j] = 0;
      this.blocked[j * this.n + i] = 0;
    }
  }

  /** Removes all cuts (not clogs, not link degradations). */
  heal(): void {
    this.blocked.fill(0);
    this.isolated.fill(0);
  }

  /** Whether any directed pair is cut now. */
  hasCuts(): boolean {
    return this.blocked.includes(1);
  }

  isBlocked(from: NodeId, to: NodeId): boolean {
    return this.blocked[this.indexOf(from) * this.n + this.indexOf(to)] === 1;
  }
}
