// The package version, read from package.json next to the source (src/) or the build (dist/src/).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
function readVersion() {
    for (const relative of ['../package.json', '../../package.json']) {
        const path = fileURLToPath(new URL(relative, import.meta.url));
        if (!existsSync(path))
            continue;
        try {
            const json = JSON.parse(readFileSync(path, 'utf8'));
            if (json.name === 'raftsim' && typeof json.version === 'string')
                return json.version;
        }
        catch {
            // fall through to the next candidate
        }
    }
    return 'unknown';
}
export const raftsimVersion = readVersion();
/** The file format versions this raftsim reads. */
export const fileVersions = { resultVersion: 2, sweepVersion: 1 };
/** When `json` was written by a raftsim with another file format version: the message naming both raftsim
 *  versions and both format versions; else null. */
export function versionMismatch(path, json, field, what) {
    const raftsim = json !== null && typeof json === 'object' ? json.raftsim : undefined;
    if (raftsim === null || typeof raftsim !== 'object' || !(field in raftsim))
        return null;
    const found = raftsim[field];
    if (found === fileVersions[field])
        return null;
    const writer = raftsim.version;
    const by = typeof writer === 'string' ? `raftsim ${writer}` : 'a raftsim that records no version';
    return `${path}: written by ${by} (${field} ${JSON.stringify(found)}); this is raftsim ${raftsimVersion}, which reads ${what} of ${field} ${fileVersions[field]}`;
}
//# sourceMappingURL=version.js.map