/**
 * The core's boundaries (README, code layout): it reads no configuration module, knows no CLI
 * flag or exit status, and touches no file. Messages name options through optionRef; the CLI
 * writes them as flags.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionRef, resolveOptionRefs } from '../../src/core/option-ref.js';
import { REPO } from '../helpers/cli.js';

const CORE = join(REPO, 'src/core');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The code of a file without its comments. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

const files = sources(CORE);

describe('src/core', () => {
  it('has its files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('imports nothing from src/config, src/io or src/cli, and no file or process module', () => {
    const bad = files.flatMap((f) =>
      [...code(f).matchAll(/from '([^']+)'/g)]
        .map((m) => m[1]!)
        .filter((m) => /\/(config|io|cli)\//.test(m) || /^(node:)?(fs|path|child_process|os)$/.test(m) || /^(exceljs|docx|handlebars)$/.test(m))
        .map((m) => `${relative(REPO, f)}: ${m}`),
    );
    expect(bad).toEqual([]);
  });

  it('spells no CLI flag and no exit status', () => {
    const bad = files.flatMap((f) =>
      code(f)
        .split('\n')
        .filter((line) => /(^|[\s(`'"])--[a-z]/.test(line) || /exitCode|process\.exit/.test(line))
        .map((line) => `${relative(REPO, f)}: ${line.trim()}`),
    );
    expect(bad).toEqual([]);
  });

  it('names an option by its key, which the interface writes its own way', () => {
    const message = `kiểm tra ${optionRef('province')} hoặc province.name trong cấu hình; dùng ${optionRef('signer')} "Họ và tên".`;
    expect(message).not.toContain('--');
    expect(resolveOptionRefs(message, (k) => `--${k}`)).toBe('kiểm tra --province hoặc province.name trong cấu hình; dùng --signer "Họ và tên".');
  });
});
