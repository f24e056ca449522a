export declare const reportCommand: import("./command.js").RaftsimCommand;
