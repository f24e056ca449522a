export declare const exportCommand: import("./command.js").RaftsimCommand;
