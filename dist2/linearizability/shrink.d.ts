import { type HistoryColumns } from './history.js';
import { type Model } from './model.js';
/** Shrink around this operation (a history index): it stays, and so does some state that accepts it. */
export type ShrinkFocus = number | null;
export interface ShrinkResult {
    /** History indices of the smallest failing sub-history found, in call order. */
    readonly indices: readonly number[];
    /** True when removing any single one of them was checked and made it linearizable (1-minimal). */
    readonly oneMinimal: boolean;
    readonly stepsUsed: number;
    readonly candidatesChecked: number;
}
/** `indices` (history indices of one partition's checked operations) must be non-linearizable, and with a
 *  focus, reach a state that accepts the focused operation. */
export declare function shrinkFailingHistory<State, Input, Output>(label: string, columns: HistoryColumns<Input, Output>, indices: readonly number[], model: Model<State, Input, Output>, maxSteps: number, focus?: ShrinkFocus): ShrinkResult;
