export declare const sweepCommand: import("./command.js").RaftsimCommand;
