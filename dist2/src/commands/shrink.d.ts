export declare const shrinkCommand: import("./command.js").RaftsimCommand;
