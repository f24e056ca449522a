export declare const bugsCommand: import("./command.js").RaftsimCommand;
