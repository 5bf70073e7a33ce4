import type { Block, Chart, Inline, TextBlock } from './model.js';

/**
 * The light block markup of the templates: what the office edits. One line is one paragraph.
 *
 *   # 1. Về cách tính điểm ...      heading (khoản with a title, bold)
 *   ## a) Cấp xã:                   subheading (điểm)
 *   - Có 10/14 cơ quan ...          "- " item
 *   + Công khai, minh bạch: 18 ...  "+ " item
 *   any other line                  body paragraph
 *   @kinh-gui Ủy ban nhân dân tỉnh  a recipient of the Kính gửi block (repeatable)
 *   @trich-yeu ...                  the trích yếu (BÁO CÁO summary or công văn V/v), one line each
 *   @bieu-do                        where the document's chart goes (the report's trend chart);
 *                                   nothing when the document has none
 *
 * Inline: **bold**, _italic_, and ^[footnote text] right after the words it annotates.
 * Blank lines and lines starting with "//" are ignored. Nơi nhận is not in the templates: it is
 * configured per document kind with the signer it names.
 */
/** A block of the markup: text, or the place of the document's chart. */
export type MarkupBlock = TextBlock | { type: 'chart-slot' };

export interface MarkupDocument {
  blocks: MarkupBlock[];
  recipients: string[];
  subject: string[];
}

export class MarkupError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseMarkup(text: string): MarkupDocument {
  const out: MarkupDocument = { blocks: [], recipients: [], subject: [] };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('//')) return;
    const directive = /^@([a-z-]+)\s*(.*)$/.exec(line);
    if (directive) {
      const [, name, value] = directive;
      if (name === 'kinh-gui') out.recipients.push(value!);
      else if (name === 'trich-yeu') out.subject.push(value!);
      else if (name === 'bieu-do') out.blocks.push({ type: 'chart-slot' });
      else if (name === 'noi-nhan') {
        throw new MarkupError(
          i + 1,
          '"@noi-nhan" không dùng trong mẫu: Nơi nhận của mỗi loại văn bản nằm trong cấu hình (documents.<loại>.recipients), cùng chỗ với người ký',
        );
      } else throw new MarkupError(i + 1, `chỉ thị không rõ "@${name}" (dùng @kinh-gui, @trich-yeu hoặc @bieu-do)`);
      return;
    }
    const runs = (s: string) => parseInline(s, i + 1);
    if (line.startsWith('## ')) out.blocks.push({ type: 'subheading', runs: runs(line.slice(3)) });
    else if (line.startsWith('# ')) out.blocks.push({ type: 'heading', runs: runs(line.slice(2)) });
    else if (line.startsWith('- ')) out.blocks.push({ type: 'dash', runs: runs(line.slice(2)) });
    else if (line.startsWith('+ ')) out.blocks.push({ type: 'plus', runs: runs(line.slice(2)) });
    else out.blocks.push({ type: 'paragraph', runs: runs(line) });
  });
  return out;
}

/** Splits a line into runs; `**` toggles bold, `_` at a word edge toggles italic, `^[...]` is a footnote. */
export function parseInline(text: string, line = 0): Inline[] {
  const runs: Inline[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = () => {
    if (buf) runs.push({ text: buf, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
    buf = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '*' && text[i + 1] === '*') {
      flush();
      bold = !bold;
      i++;
    } else if (c === '_' && isItalicMark(text, i, italic)) {
      flush();
      italic = !italic;
    } else if (c === '^' && text[i + 1] === '[') {
      const end = text.indexOf(']', i + 2);
      if (end < 0) throw new MarkupError(line, 'chú thích "^[" thiếu dấu "]" đóng');
      flush();
      const note = text.slice(i + 2, end).trim();
      const last = runs[runs.length - 1];
      if (last && last.footnote === undefined) last.footnote = note;
      else runs.push({ text: '', footnote: note });
      i = end;
    } else {
      buf += c;
    }
  }
  flush();
  if (bold) throw new MarkupError(line, 'thiếu dấu "**" đóng chữ đậm');
  if (italic) throw new MarkupError(line, 'thiếu dấu "_" đóng chữ nghiêng');
  return runs;
}

/** "_" opens italic before a non-space at a word start, and closes after a non-space at a word end. */
function isItalicMark(text: string, i: number, open: boolean): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  const word = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  return open ? before !== undefined && before !== ' ' && !word(after) : !word(before) && after !== undefined && after !== ' ';
}

/** The document's blocks with its chart where the template placed it; without a chart, the places are dropped. */
export function placeChart(blocks: readonly MarkupBlock[], chart: Chart | null): Block[] {
  return blocks.flatMap((b): Block[] => (b.type !== 'chart-slot' ? [b] : chart ? [{ type: 'chart', chart }] : []));
}

/** The plain text of runs, footnotes left out. */
export function runsText(runs: readonly Inline[]): string {
  return runs.map((r) => r.text).join('');
}
