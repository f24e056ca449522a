export declare const raftsimVersion: string;
/** The file format versions this raftsim reads. */
export declare const fileVersions: {
    readonly resultVersion: 2;
    readonly sweepVersion: 1;
};
/** When `json` was written by a raftsim with another file format version: the message naming both raftsim
 *  versions and both format versions; else null. */
export declare function versionMismatch(path: string, json: unknown, field: keyof typeof fileVersions, what: string): string | null;
