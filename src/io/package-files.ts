import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The dakindex package folder: the nearest folder above this module whose package.json names
 * dakindex, whether the code runs from src/, from the bundle in dist/, or from an installed package.
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  const from = dirname(fileURLToPath(import.meta.url));
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isDakindex(manifest)) return (root = dir);
    if (dirname(dir) === dir) throw new Error(`dakindex package.json not found above ${from}`);
  }
}

function isDakindex(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'dakindex';
  } catch {
    return false;
  }
}

/** A file or folder shipped with the package (listed in package.json "files"). */
export function shippedPath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

