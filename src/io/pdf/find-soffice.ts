import { posix, win32 } from 'node:path';

/**
 * Where LibreOffice's `soffice` is, decided from the platform, the environment and a file test
 * only, so that every platform's rules run in the tests on any machine. Order: DAKINDEX_SOFFICE,
 * then the configuration's pdf.soffice (each either a path or a bare name looked up on PATH; a
 * wrong one is reported, never passed over), then PATH, then the platform's install locations.
 */

export const SOFFICE_ENV = 'DAKINDEX_SOFFICE';
export const SOFFICE_CONFIG_KEY = 'pdf.soffice';

export interface SofficeLookup {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** The folder relative paths are taken from. */
  cwd: string;
  /** The configuration's pdf.soffice, if any. */
  configured?: string | undefined;
  /** Whether a runnable file is at this path. */
  exists: (path: string) => boolean;
}

export type SofficeResult =
  | { found: true; path: string; /** How it was found, for messages. */ source: string }
  | { found: false; /** What was looked for and how to install LibreOffice, in Vietnamese. */ message: string };

export function findSoffice(l: SofficeLookup): SofficeResult {
  const fromEnv = setting(envValue(l.env, SOFFICE_ENV, l.platform), l.platform);
  if (fromEnv) return explicit(l, fromEnv, SOFFICE_ENV);
  const fromConfig = setting(l.configured, l.platform);
  if (fromConfig) return explicit(l, fromConfig, SOFFICE_CONFIG_KEY);

  const onPath = searchPath(l, SOFFICE_NAMES);
  if (onPath) return { found: true, path: onPath, source: 'PATH' };
  const places = installLocations(l.platform, l.env);
  const installed = places.find((p) => l.exists(p));
  if (installed) return { found: true, path: installed, source: 'thư mục cài đặt mặc định' };

  const looked = ['PATH', ...places].join(', ');
  return {
    found: false,
    message: `Không tìm thấy LibreOffice (soffice) để tạo PDF (đã tìm trong: ${looked}). ${installHint(l.platform)} Hoặc đặt biến môi trường ${SOFFICE_ENV} (hay khóa cấu hình ${SOFFICE_CONFIG_KEY}) là đường dẫn đến ${exeName(l.platform)}.`,
  };
}

/**
 * A setting as written, trimmed; on Windows without the double quotes around it that Explorer's
 * "Copy as path" adds and `set DAKINDEX_SOFFICE="..."` in cmd keeps (no Windows name has a `"`).
 */
function setting(value: string | undefined, platform: NodeJS.Platform): string | undefined {
  const v = value?.trim();
  return platform === 'win32' && v && /^"[^"]*"$/.test(v) ? v.slice(1, -1).trim() : v;
}

/** The hint for installing LibreOffice on this system. */
export function installHint(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'win32':
      return 'Cài LibreOffice từ https://www.libreoffice.org/download/ (mặc định vào C:\\Program Files\\LibreOffice).';
    case 'darwin':
      return 'Cài LibreOffice.app từ https://www.libreoffice.org/download/ vào thư mục Applications (hoặc: brew install --cask libreoffice).';
    default:
      return 'Cài đặt trên Debian, Ubuntu: sudo apt-get install libreoffice-writer-nogui (bản đầy đủ: libreoffice-writer).';
  }
}

const SOFFICE_NAMES = ['soffice', 'libreoffice'];

function exeName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'soffice.exe' : 'soffice';
}

/** DAKINDEX_SOFFICE or pdf.soffice: a path (relative to cwd), or a bare name looked up on PATH. */
function explicit(l: SofficeLookup, value: string, from: string): SofficeResult {
  const path = l.platform === 'win32' ? win32 : posix;
  const bare = !value.includes('/') && !(l.platform === 'win32' && value.includes('\\'));
  const hit = bare ? searchPath(l, [value]) : l.exists(path.resolve(l.cwd, value)) ? path.resolve(l.cwd, value) : null;
  if (hit) return { found: true, path: hit, source: from };
  const where = bare ? `không có "${value}" trong PATH` : `không có tệp ${path.resolve(l.cwd, value)}`;
  return {
    found: false,
    message: `${from} = "${value}": ${where}. Sửa ${from} cho đúng đường dẫn đến ${exeName(l.platform)}, hoặc bỏ nó để tìm LibreOffice tự động. ${installHint(l.platform)}`,
  };
}

/** The first of `names` found in a PATH folder; on Windows with .exe added when the name has no extension. */
function searchPath(l: SofficeLookup, names: string[]): string | null {
  const path = l.platform === 'win32' ? win32 : posix;
  const raw = envValue(l.env, 'PATH', l.platform) ?? '';
  const dirs = raw
    .split(path.delimiter)
    .map((d) => (l.platform === 'win32' ? d.trim().replace(/^"(.*)"$/, '$1') : d))
    .filter((d) => d !== '');
  const files = l.platform === 'win32' ? names.map((n) => (/\.[a-z]+$/i.test(n) ? n : `${n}.exe`)) : names;
  for (const dir of dirs) {
    for (const f of files) {
      const candidate = path.resolve(l.cwd, dir, f);
      if (l.exists(candidate)) return candidate;
    }
  }
  return null;
}

/** Where the LibreOffice installers put soffice. */
function installLocations(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'win32') {
    // ProgramW6432 is the 64-bit folder even when Node itself is a 32-bit process.
    const roots = [
      envValue(env, 'ProgramFiles', platform) ?? 'C:\\Program Files',
      envValue(env, 'ProgramW6432', platform),
      envValue(env, 'ProgramFiles(x86)', platform) ?? 'C:\\Program Files (x86)',
    ].filter((r): r is string => !!r);
    return [...new Set(roots.map((r) => win32.join(r, 'LibreOffice', 'program', 'soffice.exe')))];
  }
  if (platform === 'darwin') {
    const app = 'LibreOffice.app/Contents/MacOS/soffice';
    const home = env.HOME;
    return [posix.join('/Applications', app), ...(home ? [posix.join(home, 'Applications', app)] : [])];
  }
  return [];
}

/** An environment variable; Windows names are case-insensitive (Path, PATH). */
function envValue(env: Record<string, string | undefined>, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return env[name];
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}
