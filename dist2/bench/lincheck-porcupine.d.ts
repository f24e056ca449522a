import { type History, type KvInput, type KvOutput, type Model, type Operation } from '../linearizability/index.js';
export declare function parseJepsenEtcdLog(text: string): Operation<KvInput, KvOutput>[];
export type AppendInput = {
    readonly op: 'get' | 'put' | 'append';
    readonly key: string;
    readonly value: string;
};
export type AppendOutput = {
    readonly value: string;
};
export declare const appendKvModel: Model<string, AppendInput, AppendOutput>;
export declare function parsePorcupineKvLog(text: string): Operation<AppendInput, AppendOutput>[];
export interface PorcupineHistory<Input, Output> {
    readonly name: string;
    readonly history: History<Input, Output>;
    /** Porcupine's own test says it is linearizable (true) or not (false); null when its test does not say. */
    readonly expectedLinearizable: boolean | null;
}
/** Porcupine's Jepsen etcd and key-value histories under `root` (a checkout or extract of the repository). */
export declare function loadPorcupineHistories(root: string): {
    etcd: PorcupineHistory<KvInput, KvOutput>[];
    kv: PorcupineHistory<AppendInput, AppendOutput>[];
};
