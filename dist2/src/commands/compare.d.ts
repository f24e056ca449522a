export declare const compareCommand: import("./command.js").RaftsimCommand;
