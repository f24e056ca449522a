export declare const replayCommand: import("./command.js").RaftsimCommand;
