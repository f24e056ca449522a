// The fast quorum code against a simple reference (etcd-io/raft quorum/quick_test.go does the same).
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Inflights } from '../raft/inflights.js';
import { committedIndex, quorumSize, quorumTime, voteOutcome } from '../raft/quorum.js';

function referenceCommitted(matches: number[], quorum: number): number {
  return [...matches].sort((a, b) => b - a)[quorum - 1]!;
}

describe('quorum', () => {
  it('committedIndex equals the quorum-th largest match (reference: sort)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 9 }), (matches) => {
        const voters = matches.map((_, k) => `n${k}`);
        const matchOf = (id: string): number => matches[Number(id.slice(1))]!;
        expect(committedIndex(voters, matchOf)).toBe(referenceCommitted(matches, quorumSize(matches.length)));
        expect(quorumTime(voters, matchOf)).toBe(referenceCommitted(matches, quorumSize(matches.length)));
      }),
      { numRuns: 2000 },
    );
  });

  it('a majority is floor(n/2)+1 and vote outcomes follow it', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(quorumSize)).toEqual([1, 2, 2, 3, 3, 4, 4]);
    const voters = ['a', 'b', 'c', 'd', 'e'];
    expect(voteOutcome(voters, new Map([['a', true], ['b', true]]))).toBe('pending');
    expect(voteOutcome(voters, new Map([['a', true], ['b', true], ['c', true]]))).toBe('won');
    expect(voteOutcome(voters, new Map([['a', true], ['b', false], ['c', false], ['d', false]]))).toBe('lost');
  });
});

describe('inflights', () => {
  it('is bounded by count and by bytes, and frees in order', () => {
    const inflights = new Inflights(3, 100);
    inflights.add(5, 10);
    inflights.add(7, 10);
    expect(inflights.isFull()).toBe(false);
    inflights.add(9, 10);
    expect(inflights.isFull()).toBe(true);
    expect(() => inflights.add(10, 1)).toThrow(/full/);
    inflights.freeLE(7);
    expect(inflights.messages).toBe(1);
    inflights.add(12, 95);
    expect(inflights.isFull()).toBe(true); // 105 bytes >= 100
    inflights.freeFirst();
    expect(inflights.messages).toBe(1);
    expect(inflights.totalBytes).toBe(95);
  });
});
