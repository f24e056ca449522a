// The package version, read from package.json next to the source (src/) or the build (dist/src/).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function readVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (!existsSync(path)) continue;
    try {
      const json = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'raftsim' && typeof json.version === 'string') return json.version;
    } catch {
      // fall through to the next candidate
    }
  }
  return 'unknown';
}

export const raftsimVersion = readVersion();
