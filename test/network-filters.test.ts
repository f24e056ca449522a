// Message filters: faults that act on chosen messages only (by the caller's predicate) on chosen links.
import { describe, expect, it } from 'vitest';
import { type DropReason, type LinkConfig, Network, type NodeId } from '../sim/network.js';
import { Random } from '../sim/random.js';
import { Scheduler } from '../sim/scheduler.js';

const link: LinkConfig = {
  latency: { kind: 'constant', valueUs: 1_000 },
  dropChance: 0,
  duplicateChance: 0,
  reorderChance: 0,
  reorderDelay: { kind: 'constant', valueUs: 0 },
};

/** Messages are strings: their first word is their "type". */
function makeNet(seed = 1) {
  const scheduler = new Scheduler();
  const delivered: { from: NodeId; to: NodeId; message: string; atUs: number }[] = [];
  const dropped: { message: string; reason: DropReason }[] = [];
  const random = Random.fromSeed(seed);
  const network = new Network<string>(
    scheduler,
    random.child('network'),
    { nodes: ['n1', 'n2', 'n3'], defaultLink: link, maxMessageBytes: 1_000 },
    {
      deliver: (from, to, message) => delivered.push({ from, to, message, atUs: scheduler.nowUs }),
      dropped: (_from, _to, message, _id, reason) => dropped.push({ message, reason }),
    },
    random.child('network/filters'),
  );
  return { scheduler, network, delivered, dropped };
}

const ofType = (type: string) => (message: string) => message.split(' ')[0] === type;

describe('message filters', () => {
  it('drop only the matching messages on the chosen links', () => {
    const net = makeNet();
    net.network.addFilter({ fromNodes: ['n1'], toNodes: ['n2', 'n3'], matches: ofType('append'), action: { kind: 'drop' } });
    for (const message of ['append 1', 'vote 1', 'append 2']) {
      net.network.send('n1', 'n2', message, 1);
      net.network.send('n2', 'n1', message, 1);
    }
    net.scheduler.runUntil(Infinity);
    expect(net.delivered.map((d) => `${d.from}->${d.to} ${d.message}`)).toEqual(['n2->n1 append 1', 'n1->n2 vote 1', 'n2->n1 vote 1', 'n2->n1 append 2']);
    expect(net.dropped).toEqual([{ message: 'append 1', reason: 'filter' }, { message: 'append 2', reason: 'filter' }]);
    expect(net.network.stats.dropped.filter).toBe(2);
  });

  it('hold the matching messages and release them in send order when the filter goes', () => {
    const net = makeNet();
    const id = net.network.addFilter({ fromNodes: ['n1'], toNodes: ['n2'], matches: ofType('append'), action: { kind: 'hold' } });
    net.network.send('n1', 'n2', 'append 1', 1);
    net.network.send('n1', 'n2', 'heartbeat 1', 1);
    net.network.send('n1', 'n2', 'append 2', 1);
    net.scheduler.runUntil(5_000);
    expect(net.delivered.map((d) => d.message)).toEqual(['heartbeat 1']);
    net.network.removeFilter(id);
    net.scheduler.runUntil(Infinity);
    expect(net.delivered.map((d) => `${d.message}@${d.atUs}`)).toEqual(['heartbeat 1@1000', 'append 1@6000', 'append 2@6000']);
    expect(net.network.filterCount).toBe(0);
  });

  it('delay the matching messages by a draw from the filter stream, leaving the other draws untouched', () => {
    const plain = makeNet(4);
    const filtered = makeNet(4);
    filtered.network.addFilter({ fromNodes: ['n1'], toNodes: ['n2'], matches: ofType('append'), action: { kind: 'delay', delay: { kind: 'uniform', minUs: 10_000, maxUs: 20_000 } } });
    for (const net of [plain, filtered]) {
      net.network.send('n1', 'n2', 'append 1', 1);
      net.network.send('n1', 'n2', 'vote 1', 1);
      net.network.send('n3', 'n2', 'append 3', 1);
      net.scheduler.runUntil(Infinity);
    }
    const at = (net: ReturnType<typeof makeNet>, message: string) => net.delivered.find((d) => d.message === message)!.atUs;
    expect(at(filtered, 'append 1')).toBeGreaterThanOrEqual(11_000);
    expect(at(filtered, 'append 1')).toBeLessThanOrEqual(21_000);
    expect(at(filtered, 'vote 1')).toBe(at(plain, 'vote 1'));
    expect(at(filtered, 'append 3')).toBe(at(plain, 'append 3'));
  });

  it('are bounded and validated', () => {
    const net = makeNet();
    for (let k = 0; k < 64; k++) net.network.addFilter({ fromNodes: ['n1'], toNodes: ['n2'], matches: () => false, action: { kind: 'drop' } });
    expect(() => net.network.addFilter({ fromNodes: ['n1'], toNodes: ['n2'], matches: () => false, action: { kind: 'drop' } })).toThrow(/more than 64 filters/);
    net.network.removeAllFilters();
    expect(net.network.filterCount).toBe(0);
  });
});
