export declare const checkCommand: import("./command.js").RaftsimCommand;
