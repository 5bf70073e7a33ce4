import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { DataError } from '../core/errors.js';
import { MarkupError, parseMarkup, type MarkupDocument } from '../core/documents/markup.js';

/**
 * The templates shipped with dakindex (the seeds' texts): the nearest `templates/` folder above this
 * module, whether it runs from src/, dist/ or a bundle.
 */
export const DEFAULT_TEMPLATES_DIR = findUp(dirname(fileURLToPath(import.meta.url)), 'templates');

function findUp(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, name);
    if (existsSync(join(candidate, 'partials'))) return candidate;
    if (dirname(dir) === dir) return join(from, name);
  }
}

/**
 * Finds, compiles and fills the templates of one folder, falling back file by file to the
 * defaults, so an office copies only what it edits. Handlebars escapes nothing here (the docx
 * writer escapes XML itself) and only sees plain data: no helpers beyond its own, no prototype access.
 */
export class TemplateSet {
  private readonly hbs = Handlebars.create();
  private readonly dirs: string[];

  constructor(userDir?: string) {
    if (userDir && !existsSync(userDir)) throw new DataError(`Không tìm thấy thư mục mẫu: ${userDir}`);
    this.dirs = userDir ? [resolve(userDir), DEFAULT_TEMPLATES_DIR] : [DEFAULT_TEMPLATES_DIR];
    for (const dir of [...this.dirs].reverse()) {
      const partials = join(dir, 'partials');
      if (!existsSync(partials)) continue;
      for (const f of readdirSync(partials)) {
        if (f.endsWith('.hbs')) this.hbs.registerPartial(basename(f, '.hbs'), readFileSync(join(partials, f), 'utf8'));
      }
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

  /** Fills a template with `data` and parses its block markup. */
  render(names: string[], data: object): MarkupDocument {
    const file = this.find(names);
    let text: string;
    try {
      const template = this.hbs.compile(readFileSync(file, 'utf8'), { noEscape: true, strict: true });
      text = template(data);
    } catch (e) {
      throw new DataError(`Mẫu ${file}: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`);
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
