// BUGGIFY (FoundationDB's simulator): at a few decision points of the host the simulator may take the rare
// branch — an fsync that stalls, a response sent twice, a message that sits in a socket buffer past an
// election timeout and arrives in a later term, a message delivered and then once more much later (a stale copy:
// a retransmission after a reconnect, a proxy's duplicate — what finds every handler that takes an old message,
// response or snapshot for a current one). Each site is switched on for the whole run or not (swarm mode
// draws which), and an enabled site fires with the run's chance; every site draws from its own named stream
// (`buggify/<site>`), so switching one on moves no other draw, and a run without buggify draws nothing.
import type { Random } from './random.js';

export const buggifySites = ['fsync-stall', 'duplicate-response', 'delay-message', 'replay-message'] as const;
export type BuggifySite = (typeof buggifySites)[number];

export interface BuggifyOptions {
  readonly sites: readonly BuggifySite[];
  /** The chance an enabled site fires each time it is reached. */
  readonly chance: number;
  /** The longest extra delay a stalled fsync or a delayed message gets. */
  readonly maxDelayUs: number;
}

export class Buggify {
  private readonly streams: Partial<Record<BuggifySite, Random>> = {};
  readonly enabled: boolean;

  constructor(
    private readonly options: BuggifyOptions | null,
    random: Random,
  ) {
    for (const site of options?.sites ?? []) this.streams[site] = random.child(`buggify/${site}`);
    this.enabled = options !== null && options.sites.length > 0 && options.chance > 0;
  }

  /** Whether the site takes its rare branch this time. `rare`: the site is reached by something rare (a snapshot,
   *  a vote, where a heartbeat or an append is common), which fires ten times as often (up to one time in four):
   *  as FoundationDB enables BUGGIFY per line of code, how often a branch is taken should not follow how often
   *  its line runs, or the rare messages would almost never be delayed or replayed. */
  fires(site: BuggifySite, rare = false): boolean {
    const stream = this.streams[site];
    if (stream === undefined) return false;
    const chance = this.options!.chance;
    return stream.next() < (rare ? Math.max(chance, Math.min(0.25, 10 * chance)) : chance);
  }

  /** The extra delay when it does (from the same site's stream). */
  delayUs(site: BuggifySite): number {
    return this.streams[site]!.int(1, Math.max(1, this.options!.maxDelayUs));
  }
}
