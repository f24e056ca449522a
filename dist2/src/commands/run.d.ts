export declare const runCommand: import("./command.js").RaftsimCommand;
