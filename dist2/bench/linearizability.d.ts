export declare function main(argv: readonly string[]): void;
