/** Creates `dir` (and its parents) or throws a usage error naming `flag`. The parents are created one at a time
 *  from the nearest existing one (not with mkdir's recursive mode, which spins forever on a file system such as
 *  /proc that answers ENOENT for a directory whose parent exists). */
export declare function ensureDirectory(dir: string, flag?: string): void;
export declare function writeFile(path: string, text: string, flag?: string): void;
/**
 * Writes `text` to a temporary file next to `path`, then renames it over `path`: a reader (or a failure half
 * way) never sees a partially written file.
 */
export declare function writeFileAtomic(path: string, text: string, flag?: string): void;
/** Checks that an output file name (-o) is not an existing directory, before any work is done. */
export declare function checkOutputFile(path: string, flag: string, example: string): void;
