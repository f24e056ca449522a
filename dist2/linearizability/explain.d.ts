import type { History, HistoryColumns } from './history.js';
import type { PreparedPartition } from './events.js';
import { type Model } from './model.js';
import type { IndexedOperation, ViolationExplanation } from './result.js';
export interface ExplainInput<State, Input, Output> {
    readonly history: History<Input, Output>;
    readonly columns: HistoryColumns<Input, Output>;
    readonly model: Model<State, Input, Output>;
    readonly prepared: PreparedPartition<Input, Output>;
    /** The position (in `prepared`) of the operation the first search got stuck at. */
    readonly stuckOperation: number;
    readonly maxSteps: number;
    readonly shrinkMaxSteps: number;
}
export declare function indexedOperation<State, Input, Output>(history: History<Input, Output>, model: Model<State, Input, Output>, index: number): IndexedOperation<Input, Output>;
export declare function explainViolation<State, Input, Output>(input: ExplainInput<State, Input, Output>): ViolationExplanation<State, Input, Output>;
