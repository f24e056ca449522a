export declare const mergeCommand: import("./command.js").RaftsimCommand;
