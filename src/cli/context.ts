import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { describeOrigin } from '../core/errors.js';
import type { EvaluationSettings } from '../core/evaluation.js';
import { resolveOptionRefs } from '../core/option-ref.js';
import type { Warning } from '../core/types.js';
import { flagOf } from './options.js';
import { userPath } from './user-path.js';

/** What a command needs from its process: streams and the working folder. Tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Set when stdout and stderr are both a terminal: its width in columns (a progress bar may be drawn). */
  terminal?: { columns: () => number } | undefined;
  /** The system whose rules apply to paths and commands shown (default: this process's); tests play Windows with it. */
  platform?: NodeJS.Platform;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    terminal: process.stdout.isTTY && process.stderr.isTTY ? { columns: () => process.stderr.columns || 80 } : undefined,
    platform: process.platform,
  };
}

/** DEBUG=dakindex: unexpected errors are shown with their stack. */
export function debugEnabled(io: CliIO): boolean {
  return (io.env.DEBUG ?? '').split(',').includes('dakindex');
}

export function configFor(opts: { config?: string | undefined; province?: string | undefined }, io: CliIO): Config {
  const { config } = loadConfig(opts.config && userPath(io, opts.config), io.cwd);
  return opts.province ? { ...config, province: { ...config.province, name: opts.province } } : config;
}

export function settingsOf(config: Config): EvaluationSettings {
  return { groups: config.groups, bands: config.bands, provinceName: config.province.name };
}

/** A core message as the user reads it: each option it names written as its flag. */
export function userText(message: string): string {
  return resolveOptionRefs(message, flagOf);
}

export function describeWarning(w: Warning): string {
  const message = userText(w.message);
  return w.origin ? `${describeOrigin(w.origin)}: ${message}` : message;
}
