export type EventHandler = (arg: any) => void;
export type RunResult = 'drained' | 'end' | 'maxEvents' | 'stopped';
export declare class Scheduler {
    nowUs: number;
    eventsProcessed: number;
    readonly maxPendingEvents: number;
    /** The same binary heap the kernel benchmark's bare loop runs (sim/event-queue.ts): (time, insertion
     *  sequence) order, handler and argument in parallel arrays, so scheduling an event allocates nothing. */
    private readonly queue;
    private stopRequested;
    private running;
    constructor(options?: {
        maxPendingEvents?: number;
    });
    get pendingEvents(): number;
    nextEventTimeUs(): number;
    /** Schedules `handler(arg)` at true time `timeUs` (>= now). Events at the same time run in the order scheduled. */
    at(timeUs: number, handler: EventHandler, arg?: unknown): void;
    after(delayUs: number, handler: EventHandler, arg?: unknown): void;
    /** Makes the running (or the next) runUntil return 'stopped' before its next event. */
    stop(): void;
    /**
     * Runs events in order until the queue is empty, the next event is later than endUs, maxEvents were run,
     * or stop() was called. When it stops because of endUs (or drains with a finite endUs), nowUs becomes endUs.
     */
    runUntil(endUs: number, maxEvents?: number): RunResult;
    private badTime;
}
