/** Calls `handler` on the first SIGINT/SIGTERM while it is registered; returns the function that unregisters it. */
export declare function onInterrupt(handler: () => void): () => void;
/** Runs the registered interrupt handlers as a SIGINT would (for tests, which cannot signal their own process). */
export declare function interruptNow(): void;
/** Remembers a terminal a progress bar drew on, so any exit restores its cursor and line wrapping. */
export declare function guardTerminal(stream: NodeJS.WritableStream & {
    isTTY?: boolean;
}): () => void;
