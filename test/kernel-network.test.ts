import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { type DropReason, type LinkConfig, Network, type NetworkOptions, type NodeId } from '../sim/network.js';
import { Random } from '../sim/random.js';
import { Scheduler } from '../sim/scheduler.js';

const perfectLink: LinkConfig = {
  latency: { kind: 'constant', valueUs: 1000 },
  dropChance: 0,
  duplicateChance: 0,
  reorderChance: 0,
  reorderDelay: { kind: 'constant', valueUs: 0 },
};

interface Delivery {
  from: NodeId;
  to: NodeId;
  message: number;
  id: number;
  atUs: number;
}

interface Drop {
  from: NodeId;
  to: NodeId;
  id: number;
  reason: DropReason;
}

function makeNet(
  nodeCount: number,
  options: Partial<NetworkOptions> & { seed?: number | string; up?: (node: NodeId) => boolean } = {},
) {
  const nodes = Array.from({ length: nodeCount }, (_, i) => `n${i + 1}`);
  const scheduler = new Scheduler();
  const delivered: Delivery[] = [];
  const dropped: Drop[] = [];
  const network = new Network<number>(
    scheduler,
    Random.fromSeed(options.seed ?? 1).child('network'),
    { nodes, defaultLink: perfectLink, maxMessageBytes: 1_000_000, ...options },
    {
      deliver: (from, to, message, id) => delivered.push({ from, to, message, id, atUs: scheduler.nowUs }),
      dropped: (from, to, _message, id, reason) => dropped.push({ from, to, id, reason }),
      isUp: options.up,
    },
  );
  return { nodes, scheduler, network, delivered, dropped };
}

function pairKey(from: NodeId, to: NodeId): string {
  return `${from}->${to}`;
}

/** Sends one message on every ordered pair of distinct nodes and runs to completion; returns delivered pairs. */
function sendAllPairs(net: ReturnType<typeof makeNet>): Set<string> {
  const start = net.delivered.length;
  for (const from of net.nodes) for (const to of net.nodes) if (from !== to) net.network.send(from, to, 0, 10);
  net.scheduler.runUntil(Infinity);
  return new Set(net.delivered.slice(start).map((d) => pairKey(d.from, d.to)));
}

describe('Network partitions', () => {
  test.prop([fc.integer({ min: 2, max: 7 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n })))])(
    'a partition delivers nothing across the cut and everything within groups; heal restores all',
    ([n, assignment]) => {
      const net = makeNet(n);
      // Group index 3 means "not listed": those nodes form one extra group together.
      const groups: NodeId[][] = [[], [], []];
      assignment.forEach((g, i) => {
        if (g < 3) groups[g].push(net.nodes[i]);
      });
      net.network.partition(groups);
      const got = sendAllPairs(net);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j) continue;
          const same = assignment[i] === assignment[j];
          expect(got.has(pairKey(net.nodes[i], net.nodes[j]))).toBe(same);
          expect(net.network.isBlocked(net.nodes[i], net.nodes[j])).toBe(!same);
        }
      }
      const crossPairs = n * (n - 1) - got.size;
      expect(net.network.stats.dropped.partition).toBe(crossPairs);
      expect(net.dropped.every((d) => d.reason === 'partition')).toBe(true);

      net.network.heal();
      expect(sendAllPairs(net).size).toBe(n * (n - 1));
    },
  );

  test.prop([
    fc.integer({ min: 2, max: 6 }).chain((n) =>
      fc.tuple(fc.constant(n), fc.subarray([...Array(n).keys()], { minLength: 1 }), fc.subarray([...Array(n).keys()], { minLength: 1 })),
    ),
  ])('a one-way cut blocks exactly from -> to', ([n, fromIdx, toIdx]) => {
    const net = makeNet(n);
    const from = fromIdx.map((i) => net.nodes[i]);
    const to = toIdx.map((i) => net.nodes[i]);
    net.network.cutOneWay(from, to);
    const got = sendAllPairs(net);
    for (const a of net.nodes) {
      for (const b of net.nodes) {
        if (a === b) continue;
        const blocked = from.includes(a) && to.includes(b);
        expect(got.has(pairKey(a, b))).toBe(!blocked);
      }
    }
  });

  test('isolate cuts one node both ways', () => {
    const net = makeNet(4);
    net.network.isolate('n2');
    const got = sendAllPairs(net);
    for (const a of net.nodes) {
      for (const b of net.nodes) {
        if (a === b) continue;
        expect(got.has(pairKey(a, b))).toBe(a !== 'n2' && b !== 'n2');
      }
    }
  });

  test('rejoin ends one isolation: the node talks again, except to a node still isolated', () => {
    const net = makeNet(4);
    net.network.isolate('n2');
    net.network.isolate('n3');
    net.network.rejoin('n2');
    const got = sendAllPairs(net);
    for (const a of net.nodes) {
      for (const b of net.nodes) {
        if (a === b) continue;
        expect(got.has(pairKey(a, b))).toBe(a !== 'n3' && b !== 'n3');
      }
    }
    net.network.rejoin('n3');
    expect(net.network.hasCuts()).toBe(false);
  });

  test('bridge: the two sides cannot talk, the bridge node talks to both', () => {
    const net = makeNet(5);
    net.network.bridge(['n1', 'n2', 'n3'], ['n3', 'n4', 'n5'], 'n3');
    const got = sendAllPairs(net);
    const sideA = ['n1', 'n2'];
    const sideB = ['n4', 'n5'];
    for (const a of net.nodes) {
      for (const b of net.nodes) {
        if (a === b) continue;
        const cross = (sideA.includes(a) && sideB.includes(b)) || (sideB.includes(a) && sideA.includes(b));
        expect(got.has(pairKey(a, b))).toBe(!cross);
      }
    }
    expect(() => net.network.bridge(['n1'], ['n1'], 'n3')).toThrow(/both sides/);
  });

  test('a message in flight when a partition starts is dropped at delivery time', () => {
    const net = makeNet(3);
    net.network.send('n1', 'n2', 7, 10); // arrives at 1000
    net.network.send('n1', 'n3', 8, 10);
    net.scheduler.at(500, () => net.network.partition([['n1', 'n3'], ['n2']]));
    net.scheduler.runUntil(Infinity);
    expect(net.delivered.map((d) => d.message)).toEqual([8]);
    expect(net.dropped).toEqual([{ from: 'n1', to: 'n2', id: 1, reason: 'partition' }]);
    expect(net.network.inFlight).toBe(0);
  });

  test('messages to a down node are dropped node-down at delivery time', () => {
    const down = new Set<NodeId>();
    const net = makeNet(3, { up: (node) => !down.has(node) });
    net.network.send('n1', 'n2', 1, 10);
    net.network.send('n1', 'n3', 2, 10);
    net.scheduler.at(10, () => down.add('n2'));
    net.scheduler.runUntil(Infinity);
    expect(net.delivered.map((d) => d.to)).toEqual(['n3']);
    expect(net.dropped.map((d) => d.reason)).toEqual(['node-down']);
    expect(net.network.stats.dropped['node-down']).toBe(1);
  });

  test('oversize messages are rejected immediately and counted', () => {
    const net = makeNet(2, { maxMessageBytes: 100 });
    const id = net.network.send('n1', 'n2', 1, 101);
    expect(id).toBe(1);
    expect(net.dropped).toEqual([{ from: 'n1', to: 'n2', id: 1, reason: 'oversize' }]); // before any event ran
    expect(net.network.send('n1', 'n2', 2, 100)).toBe(2);
    net.scheduler.runUntil(Infinity);
    expect(net.delivered.map((d) => d.id)).toEqual([2]);
    expect(net.network.stats).toMatchObject({ sent: 2, delivered: 1, dropped: { oversize: 1 } });
  });
});

describe('Network link faults', () => {
  test('drop rate over 100_000 messages with dropChance 0.05 is within 5% +- 0.2%', () => {
    const net = makeNet(2, { defaultLink: { ...perfectLink, dropChance: 0.05 }, seed: 11 });
    for (let i = 0; i < 100_000; i++) net.network.send('n1', 'n2', i, 10);
    net.scheduler.runUntil(Infinity);
    const drops = net.network.stats.dropped.random;
    expect(drops).toBeGreaterThanOrEqual(4800);
    expect(drops).toBeLessThanOrEqual(5200);
    expect(net.network.stats.delivered).toBe(100_000 - drops);
  });

  test('duplication happens at its rate; copies carry the same id', () => {
    const net = makeNet(2, {
      defaultLink: { ...perfectLink, duplicateChance: 0.1, latency: { kind: 'uniform', minUs: 100, maxUs: 900 } },
      seed: 12,
    });
    for (let i = 0; i < 50_000; i++) net.network.send('n1', 'n2', i, 10);
    net.scheduler.runUntil(Infinity);
    const dups = net.network.stats.duplicated;
    expect(Math.abs(dups / 50_000 - 0.1)).toBeLessThan(0.005);
    expect(net.network.stats.delivered).toBe(50_000 + dups);
    const perId = new Map<number, number>();
    for (const d of net.delivered) perId.set(d.id, (perId.get(d.id) ?? 0) + 1);
    expect([...perId.values()].filter((c) => c === 2).length).toBe(dups);
  });

  test('reordering happens at its rate and lets later messages overtake', () => {
    const net = makeNet(2, {
      defaultLink: { ...perfectLink, reorderChance: 0.2, reorderDelay: { kind: 'constant', valueUs: 5000 } },
      seed: 13,
    });
    // One message every 100 us: a reordered one arrives 5 ms late, after ~50 later messages.
    for (let i = 0; i < 20_000; i++) net.scheduler.at(i * 100, () => net.network.send('n1', 'n2', i, 10));
    net.scheduler.runUntil(Infinity);
    const reordered = net.network.stats.reordered;
    expect(Math.abs(reordered / 20_000 - 0.2)).toBeLessThan(0.01);
    let inversions = 0;
    for (let i = 1; i < net.delivered.length; i++) if (net.delivered[i].message < net.delivered[i - 1].message) inversions++;
    expect(inversions).toBeGreaterThan(1000);
    expect(net.delivered.length).toBe(20_000);
  });

  test('clog holds messages, then releases them in send order with fresh latencies', () => {
    const net = makeNet(2);
    net.network.clog('n1', 'n2');
    for (let i = 0; i < 5; i++) net.network.send('n1', 'n2', i, 10);
    net.network.send('n2', 'n1', 99, 10); // other direction unaffected
    net.scheduler.runUntil(50_000);
    expect(net.delivered.map((d) => d.message)).toEqual([99]);
    expect(net.network.heldCount('n1', 'n2')).toBe(5);
    expect(net.network.isClogged('n1', 'n2')).toBe(true);
    net.network.heal(); // heal does not unclog
    expect(net.network.isClogged('n1', 'n2')).toBe(true);
    net.network.unclog('n1', 'n2');
    net.scheduler.runUntil(Infinity);
    expect(net.delivered.slice(1).map((d) => d.message)).toEqual([0, 1, 2, 3, 4]);
    expect(net.delivered.slice(1).every((d) => d.atUs === 51_000)).toBe(true); // latency drawn at release
    expect(net.network.stats.dropped).toMatchObject({ random: 0, partition: 0, 'clog-overflow': 0 });
  });

  test('a clogged link holds at most 10_000 messages, then drops clog-overflow', () => {
    const net = makeNet(2);
    net.network.clog('n1', 'n2');
    for (let i = 0; i < 10_003; i++) net.network.send('n1', 'n2', i, 1);
    expect(net.network.heldCount('n1', 'n2')).toBe(10_000);
    expect(net.network.stats.dropped['clog-overflow']).toBe(3);
    net.network.unclogAll();
    net.scheduler.runUntil(Infinity);
    expect(net.delivered.length).toBe(10_000);
  });

  test('same seed gives an identical delivery sequence; another seed differs', () => {
    const run = (seed: number): string => {
      const net = makeNet(5, {
        seed,
        defaultLink: {
          latency: { kind: 'lognormal', medianUs: 800, sigma: 0.6 },
          dropChance: 0.05,
          duplicateChance: 0.05,
          reorderChance: 0.1,
          reorderDelay: { kind: 'exponential', meanUs: 3000 },
        },
      });
      const traffic = Random.fromSeed(seed).child('traffic');
      for (let i = 0; i < 2000; i++) {
        net.scheduler.at(i * 50, () => {
          const from = traffic.pick(net.nodes);
          const to = traffic.pick(net.nodes);
          net.network.send(from, to, i, 10);
        });
      }
      net.scheduler.runUntil(Infinity);
      return JSON.stringify([net.delivered, net.dropped, net.network.stats]);
    };
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(6));
  });

  test('latency comes from link override > topology > default; resetLinks restores', () => {
    const intra = { kind: 'constant', valueUs: 200 } as const;
    const inter = { kind: 'constant', valueUs: 30_000 } as const;
    const net = makeNet(4, {
      topology: { datacenterOf: { n1: 'east', n2: 'east', n3: 'west' }, intraLatency: intra, interLatency: { 'east->west': inter } },
    });
    expect(net.network.latencyFor('n1', 'n2')).toEqual(intra);
    expect(net.network.latencyFor('n1', 'n3')).toEqual(inter);
    expect(net.network.latencyFor('n3', 'n1')).toEqual(inter); // reverse key used for both directions
    expect(net.network.latencyFor('n1', 'n4')).toEqual(perfectLink.latency); // n4 has no datacenter
    net.network.setLink('n1', 'n2', { latency: { kind: 'constant', valueUs: 7 }, dropChance: 1 });
    expect(net.network.latencyFor('n1', 'n2')).toEqual({ kind: 'constant', valueUs: 7 });
    expect(net.network.latencyFor('n2', 'n1')).toEqual(intra); // directed
    net.network.send('n1', 'n2', 1, 1);
    net.network.send('n1', 'n3', 2, 1);
    net.scheduler.runUntil(Infinity);
    expect(net.delivered).toEqual([{ from: 'n1', to: 'n3', message: 2, id: 2, atUs: 30_000 }]);
    net.network.resetLinks();
    expect(net.network.linkConfig('n1', 'n2')).toEqual({ ...perfectLink, latency: intra });
    expect(() => net.network.setLink('n1', 'n2', { dropChance: 2 })).toThrow(/dropChance/);
    expect(() =>
      makeNet(3, { topology: { datacenterOf: { n1: 'a', n2: 'b' }, intraLatency: intra, interLatency: {} } }),
    ).toThrow(/interLatency/);
  });

  test('bounds: unknown nodes and maxInFlight', () => {
    const net = makeNet(2, { maxInFlight: 3 });
    expect(() => net.network.send('n1', 'nope', 1, 1)).toThrow(/unknown node/);
    for (let i = 0; i < 3; i++) net.network.send('n1', 'n2', i, 1);
    expect(() => net.network.send('n1', 'n2', 3, 1)).toThrow(/maxInFlight=3/);
  });
});

describe('Network link order', () => {
  const jittery: LinkConfig = { ...perfectLink, latency: { kind: 'uniform', minUs: 100, maxUs: 50_000 } };

  test.prop([fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 2, maxLength: 60 })])(
    'each link is FIFO (like a TCP stream) however the latency draws fall',
    (seed, gapsUs) => {
      const net = makeNet(2, { seed, defaultLink: jittery });
      let message = 0;
      const sendNext = (): void => void net.network.send('n1', 'n2', message++, 10);
      let atUs = 0;
      for (const gapUs of gapsUs) {
        atUs += gapUs;
        net.scheduler.at(atUs, sendNext);
      }
      net.scheduler.runUntil(Infinity);
      expect(net.delivered.map((d) => d.message)).toEqual(gapsUs.map((_, k) => k));
    },
  );

  test('only messages picked for reordering are overtaken', () => {
    const net = makeNet(2, { seed: 3, defaultLink: { ...jittery, reorderChance: 0.2, reorderDelay: { kind: 'constant', valueUs: 100_000 } } });
    for (let k = 0; k < 500; k++) net.scheduler.at(k * 1_000, () => void net.network.send('n1', 'n2', k, 10));
    net.scheduler.runUntil(Infinity);
    const order = net.delivered.map((d) => d.message);
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
    // Those not reordered still arrive in send order among themselves.
    const late = new Set(order.filter((message, position) => order.slice(position + 1).some((other) => other < message)));
    const inOrder = order.filter((message) => !late.has(message));
    expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));
    expect(net.network.stats.reordered).toBeGreaterThan(50);
  });
});
