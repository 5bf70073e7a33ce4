import { posix, win32, type PlatformPath } from 'node:path';
import type { CliIO } from './context.js';

/**
 * Paths the user gives (--data, --out, --input, --templates, --config, DAKINDEX_*, the
 * configuration's defaults), resolved by the rules of the system the CLI runs on: on Windows drive
 * letters, backslashes or slashes, UNC shares (\\máy-chủ\chia-sẻ), and surrounding double quotes,
 * which `set DAKINDEX_OUT="D:\Báo cáo"` in cmd keeps in the value (no Windows name has a `"`).
 */

/** The path functions of `platform`: what node:path is on that system. */
export function pathsOf(platform: NodeJS.Platform): PlatformPath {
  return platform === 'win32' ? win32 : posix;
}

/** The platform of the CLI's process, or the one a test plays. */
export function platformOf(io: Pick<CliIO, 'platform'>): NodeJS.Platform {
  return io.platform ?? process.platform;
}

/** A path as the user wrote it, made absolute from the working folder. */
export function userPath(io: Pick<CliIO, 'cwd' | 'platform'>, value: string): string {
  const platform = platformOf(io);
  const paths = pathsOf(platform);
  return paths.resolve(io.cwd, platform === 'win32' ? unquoted(value) : value);
}

/** Without blanks around it and one pair of double quotes around the whole (Windows only). */
function unquoted(value: string): string {
  const v = value.trim();
  return /^"[^"]*"$/.test(v) ? v.slice(1, -1).trim() : v;
}

/**
 * A path as one word of a command the user types next: quoted only when it needs to be, in double
 * quotes on Windows (cmd and PowerShell both take them; no Windows name has a `"`), else in sh's
 * single quotes.
 */
export function commandWord(io: Pick<CliIO, 'platform'>, s: string): string {
  if (platformOf(io) === 'win32') return /^[\w.:\\/-]+$/u.test(s) ? s : `"${s}"`;
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
