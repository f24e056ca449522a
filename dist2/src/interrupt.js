// Ctrl-C (SIGINT) and SIGTERM for long commands: the first asks the command to stop cleanly (a sweep saves the
// seeds done and prints what it has); a second one exits at once. Whatever the exit, a terminal left with a
// hidden cursor or line wrapping off by a progress bar is restored.
/** Show the cursor, turn line wrapping back on. */
const restoreSequence = '\x1b[?25h\x1b[?7h';
let interruptHandlers = [];
const terminals = new Set();
function restoreTerminals() {
    for (const stream of terminals)
        if (stream.isTTY === true)
            stream.write(restoreSequence);
    terminals.clear();
}
function onSignal(signal) {
    if (interruptHandlers.length === 0) {
        restoreTerminals();
        process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    const handlers = interruptHandlers;
    interruptHandlers = [];
    for (const handler of handlers)
        handler();
}
let installed = false;
/** Calls `handler` on the first SIGINT/SIGTERM while it is registered; returns the function that unregisters it. */
export function onInterrupt(handler) {
    if (!installed) {
        installed = true;
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        process.on('exit', restoreTerminals);
    }
    interruptHandlers.push(handler);
    return () => {
        interruptHandlers = interruptHandlers.filter((other) => other !== handler);
    };
}
/** Runs the registered interrupt handlers as a SIGINT would (for tests, which cannot signal their own process). */
export function interruptNow() {
    onSignal('SIGINT');
}
/** Remembers a terminal a progress bar drew on, so any exit restores its cursor and line wrapping. */
export function guardTerminal(stream) {
    terminals.add(stream);
    if (!installed)
        onInterrupt(() => { })();
    return () => {
        terminals.delete(stream);
    };
}
//# sourceMappingURL=interrupt.js.map