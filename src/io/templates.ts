import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type HandlebarsModule from 'handlebars';
import { DataError } from '../core/errors.js';
import { MarkupError, parseMarkup, type MarkupDocument } from '../core/documents/markup.js';
import { writeFileIfAbsent } from './output-file.js';
import { shippedPath } from './package-files.js';

type Handlebars = typeof HandlebarsModule;

/** The templates shipped with dakindex (the seeds' texts). */
export function defaultTemplatesDir(): string {
  return shippedPath('templates');
}

/** One template of a set: a document's template ("bao-cao-tuan") or a partial ("partials/ket-qua"). */
export interface TemplateEntry {
  name: string;
  partial: boolean;
  /** The file used: the office's copy (--templates) if it has one, else the default. */
  file: string;
  /** True when `file` is the office's. */
  own: boolean;
}

/** The folders searched for a template, the office's first. */
function templateDirs(userDir?: string): string[] {
  if (userDir && !(existsSync(userDir) && statSync(userDir).isDirectory())) throw new DataError(`Không tìm thấy thư mục mẫu: ${userDir}`);
  return userDir ? [resolve(userDir), defaultTemplatesDir()] : [defaultTemplatesDir()];
}

/** Every template and partial, each from the office's folder if it has one, else the default. */
export function templateEntries(userDir?: string): TemplateEntry[] {
  const dirs = templateDirs(userDir);
  const seen = new Map<string, TemplateEntry>();
  dirs.forEach((dir, i) => {
    for (const t of templatesIn(dir)) if (!seen.has(t.name)) seen.set(t.name, { ...t, own: dirs.length > 1 && i === 0 });
  });
  return [...seen.values()].sort((a, b) => Number(a.partial) - Number(b.partial) || a.name.localeCompare(b.name));
}

/** The .hbs files of one folder and of its partials/, by name. */
function templatesIn(dir: string): { name: string; partial: boolean; file: string }[] {
  const hbs = (d: string) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.hbs')).sort() : []);
  return [
    ...hbs(dir).map((f) => ({ name: f.slice(0, -4), partial: false, file: join(dir, f) })),
    ...hbs(join(dir, 'partials')).map((f) => ({ name: `partials/${f.slice(0, -4)}`, partial: true, file: join(dir, 'partials', f) })),
  ];
}

/** What a template says it is: its first comment line ("// Báo cáo tuần. Mẫu: ..." or "{{!-- ... --}}"). */
export function templateDescription(text: string): string | null {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const m = /^\/\/\s*(.+)$/.exec(first) ?? /^\{\{!--\s*(.+?)\s*--\}\}$/.exec(first);
  return m ? m[1]! : null;
}

/** Where Handlebars says it failed: "- 3:5" at the end of a message, or "on line 3" of a parse error. */
function errorLine(e: Error & { lineNumber?: number }): number | null {
  if (typeof e.lineNumber === 'number') return e.lineNumber;
  const m = /\bon line (\d+)/.exec(e.message);
  return m ? Number(m[1]) : null;
}

/** The file, line and Handlebars message of a template that fails to compile or to fill. */
export function templateError(file: string, e: Error & { lineNumber?: number }): DataError {
  const line = errorLine(e);
  const message = e.message
    .replace(/ - \d+:\d+$/, '')
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  return new DataError(`Mẫu ${file}${line === null ? '' : `, dòng ${line}`}: lỗi Handlebars:\n${message}`);
}

const OPTIONS = { noEscape: true, strict: true } as const;

/** A template file's text, parsed: compile() defers parsing to the first call, so errors would name the caller. */
function parsedText(hbs: Handlebars, file: string): string {
  const text = readFileSync(file, 'utf8');
  try {
    hbs.parse(text);
  } catch (e) {
    throw templateError(file, e as Error);
  }
  return text;
}

/** The templates of `entries` that do not parse, each with its error naming file and line. */
export async function templateErrors(entries: TemplateEntry[]): Promise<Map<string, DataError>> {
  const { default: hbs } = await import('handlebars');
  const errors = new Map<string, DataError>();
  for (const t of entries) {
    try {
      parsedText(hbs, t.file);
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      errors.set(t.name, e);
    }
  }
  return errors;
}

/** The file beside the templates that explains their markup, copied with them. */
const TEMPLATES_README = 'README.md';

/**
 * Copies every template and partial of the set (the office's where it has one, else the default)
 * and the markup README into `dest`, keeping any file `dest` already has.
 */
export function exportTemplates(userDir: string | undefined, dest: string): { written: string[]; kept: string[] } {
  const files = templateEntries(userDir).map((t) => ({ from: t.file, to: join(dest, `${t.name}.hbs`) }));
  files.push({ from: join(defaultTemplatesDir(), TEMPLATES_README), to: join(dest, TEMPLATES_README) });
  const written: string[] = [];
  const kept: string[] = [];
  for (const f of files) (writeFileIfAbsent(f.to, readFileSync(f.from)) ? written : kept).push(f.to);
  return { written, kept };
}

/** The file of the partial a Handlebars error was thrown in, attached on its way out. */
const FILE = Symbol('template file');

/**
 * Finds, compiles and fills the templates of one folder, falling back file by file to the
 * defaults, so an office copies only what it edits. Handlebars escapes nothing here (the docx
 * writer escapes XML itself) and only sees plain data: no helpers beyond its own, no prototype access.
 * Handlebars is loaded by `open`, when a command needs it, not when the CLI starts.
 */
export class TemplateSet {
  private readonly hbs: Handlebars;
  private readonly dirs: string[];
  private readonly entries: TemplateEntry[];
  /** Each document template compiled once, however many documents a run fills from it. */
  private readonly compiled = new Map<string, ReturnType<Handlebars['compile']>>();

  static async open(userDir?: string): Promise<TemplateSet> {
    const { default: hbs } = await import('handlebars');
    return new TemplateSet(hbs, userDir);
  }

  private constructor(handlebars: Handlebars, userDir?: string) {
    this.hbs = handlebars.create();
    this.dirs = templateDirs(userDir);
    this.entries = templateEntries(userDir);
    for (const t of this.entries) {
      if (!t.partial) continue;
      // Compiled here so that an error names the partial's file, not the template that calls it.
      const compiled = this.compile(t.file);
      this.hbs.registerPartial(t.name.slice('partials/'.length), (context: unknown, options: unknown) => {
        try {
          return compiled(context, options as HandlebarsModule.RuntimeOptions);
        } catch (e) {
          if (e instanceof Error && !(FILE in e)) Object.assign(e, { [FILE]: t.file });
          throw e;
        }
      });
    }
  }

  /** The first of `names` that exists in the user's folder, then in the defaults. */
  find(names: string[]): string {
    for (const dir of this.dirs) {
      for (const n of names) {
        const file = join(dir, `${n}.hbs`);
        if (existsSync(file)) return file;
      }
    }
    throw new DataError(`Không tìm thấy mẫu ${names.map((n) => `${n}.hbs`).join(' hoặc ')}`);
  }

  /** Compiles a template file; a syntax error is a DataError with its file and line. */
  private compile(file: string): ReturnType<Handlebars['compile']> {
    return this.hbs.compile(parsedText(this.hbs, file), OPTIONS);
  }

  /** The name and text of every template and partial of the set: what the documents filled from it depend on. */
  sources(): { name: string; text: string }[] {
    return this.entries.map((t) => ({ name: t.name, text: readFileSync(t.file, 'utf8') }));
  }

  /** Fills a template with `data` and parses its block markup. */
  render(names: string[], data: object): MarkupDocument {
    const file = this.find(names);
    let template = this.compiled.get(file);
    if (!template) this.compiled.set(file, (template = this.compile(file)));
    let text: string;
    try {
      text = template(data);
    } catch (e) {
      throw templateError((e as { [FILE]?: string })[FILE] ?? file, e as Error);
    }
    try {
      return parseMarkup(text);
    } catch (e) {
      if (!(e instanceof MarkupError)) throw e;
      const line = text.split(/\r?\n/)[e.line - 1] ?? '';
      throw new DataError(`Mẫu ${file}: ${e.message}, ở dòng: "${line.trim().slice(0, 80)}"`);
    }
  }
}
