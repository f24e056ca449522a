export declare const listCommand: import("./command.js").RaftsimCommand;
