export declare class ProposalTimes {
    private readonly maxSize;
    private indexes;
    private times;
    private head;
    constructor(maxSize: number);
    get size(): number;
    /** Records `index` proposed at `timeUs`; beyond maxSize the oldest is dropped. */
    add(index: number, timeUs: number): void;
    /** Calls visit(timeUs) for every recorded index in [from, to], in index order. */
    forEachIn(from: number, to: number, visit: (timeUs: number) => void): void;
    /** Forgets every index <= floor. */
    forgetThrough(floor: number): void;
    clear(): void;
    /** First position at or after head whose index is >= index. */
    private lowerBound;
    private dropHead;
}
