/**
 * Test helpers to look inside a .docx: a small zip reader (node:zlib, independent of the writer's
 * own zip code), a small XML parser, and lookups of WordprocessingML properties (with paragraph
 * styles and document defaults resolved) for assertions.
 */
import { inflateRawSync } from 'node:zlib';

// ---------------------------------------------------------------- zip

/** The files of a zip, by path, as UTF-8 strings (a .docx's parts are XML, but for an embedded workbook). */
export function unzipDocx(zip: Buffer): Map<string, string> {
  return new Map([...unzipBytes(zip)].map(([name, data]) => [name, data.toString('utf8')]));
}

/** The files of a zip, by path, as bytes. */
export function unzipBytes(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no zip end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : undefined;
    if (!data) throw new Error(`unsupported method ${method} for ${name}`);
    if (data.length !== size) throw new Error(`${name}: size ${data.length} instead of ${size}`);
    files.set(name, data);
    p += 46 + nameLength + extra + comment;
  }
  return files;
}

// ---------------------------------------------------------------- XML

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  parent?: XmlElement;
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

/** Parses an XML document (no DTDs) into its root element. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  let current = root;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (xml.slice(i).trim()) current.children.push(decodeEntities(xml.slice(i)));
      break;
    }
    if (lt > i) {
      const text = xml.slice(i, lt);
      if (current !== root) current.children.push(decodeEntities(text));
    }
    if (xml.startsWith('<?', lt)) {
      i = xml.indexOf('?>', lt) + 2;
    } else if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      current.children.push(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, end).trim();
      if (name !== current.name) throw new Error(`</${name}> closes <${current.name}>`);
      current = current.parent!;
      i = end + 1;
    } else {
      const end = findTagEnd(xml, lt);
      const selfClosing = xml[end - 1] === '/';
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const nameEnd = body.search(/[\s]|$/);
      const el: XmlElement = { name: body.slice(0, nameEnd), attrs: {}, children: [], parent: current };
      const re = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
      let m: RegExpExecArray | null;
      const rest = body.slice(nameEnd);
      while ((m = re.exec(rest))) el.attrs[m[1]!] = decodeEntities(m[3] ?? m[4] ?? '');
      current.children.push(el);
      if (!selfClosing) current = el;
      i = end + 1;
    }
  }
  if (current !== root) throw new Error(`<${current.name}> not closed`);
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new Error('no root element');
  top.parent = undefined;
  return top;
}

function findTagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  throw new Error('unclosed tag');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function serializeXml(el: XmlElement): string {
  const attrs = Object.entries(el.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  if (el.children.length === 0) return `<${el.name}${attrs}/>`;
  return `<${el.name}${attrs}>${el.children.map((c) => (typeof c === 'string' ? escapeText(c) : serializeXml(c))).join('')}</${el.name}>`;
}

export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}
/** Direct children named `name`. */
export function kids(el: XmlElement, name: string): XmlElement[] {
  return elements(el).filter((c) => c.name === name);
}
export function kid(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el ? elements(el).find((c) => c.name === name) : undefined;
}
/** Descendants named `name`, in document order. */
export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of elements(e)) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
export function first(el: XmlElement, name: string): XmlElement | undefined {
  return all(el, name)[0];
}
export function ancestor(el: XmlElement, name: string): XmlElement | undefined {
  let p = el.parent;
  while (p && p.name !== name) p = p.parent;
  return p;
}
/** The text under `el`: its w:t elements, and each w:noBreakHyphen as the "-" it prints. */
export function textOf(el: XmlElement): string {
  return collectText(el, '-');
}

/** The text under `el` with each w:noBreakHyphen as U+2011, to see where the writer put one. */
export function markedText(el: XmlElement): string {
  return collectText(el, '\u2011');
}

function collectText(el: XmlElement, noBreakHyphen: string): string {
  let out = '';
  const walk = (e: XmlElement): void => {
    for (const c of elements(e)) {
      if (c.name === 'w:t') out += c.children.filter((x): x is string => typeof x === 'string').join('');
      else if (c.name === 'w:noBreakHyphen') out += noBreakHyphen;
      else walk(c);
    }
  };
  walk(el);
  return out;
}

export function num(el: XmlElement | undefined, attr: string): number | undefined {
  const v = el?.attrs[attr];
  return v === undefined ? undefined : Number(v);
}

// ---------------------------------------------------------------- WordprocessingML

export interface Docx {
  files: Map<string, string>;
  document: XmlElement;
  body: XmlElement;
  styles: XmlElement;
  part(name: string): XmlElement;
}

export function openDocx(buffer: Buffer): Docx {
  const files = unzipDocx(buffer);
  const part = (name: string): XmlElement => {
    const xml = files.get(name);
    if (xml === undefined) throw new Error(`${name} missing`);
    return parseXml(xml);
  };
  const document = part('word/document.xml');
  return { files, document, body: kid(document, 'w:body')!, styles: part('word/styles.xml'), part };
}

export interface Props {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  align?: string;
  fonts?: Record<string, string>;
  before?: number;
  after?: number;
  line?: number;
  lineRule?: string;
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
  borderTop?: string;
  borderBottom?: string;
}

const onOff = (e: XmlElement | undefined): boolean | undefined =>
  e === undefined ? undefined : !['0', 'false', 'off'].includes(e.attrs['w:val'] ?? 'true');

function rPrProps(rPr: XmlElement | undefined): Props {
  if (!rPr) return {};
  const p: Props = {};
  const sz = num(kid(rPr, 'w:sz'), 'w:val');
  if (sz !== undefined) p.size = sz;
  const b = onOff(kid(rPr, 'w:b'));
  if (b !== undefined) p.bold = b;
  const i = onOff(kid(rPr, 'w:i'));
  if (i !== undefined) p.italic = i;
  const f = kid(rPr, 'w:rFonts');
  if (f) p.fonts = { ...f.attrs };
  return p;
}

function pPrProps(pPr: XmlElement | undefined): Props {
  if (!pPr) return {};
  const p: Props = {};
  const jc = kid(pPr, 'w:jc')?.attrs['w:val'];
  if (jc) p.align = jc;
  const sp = kid(pPr, 'w:spacing');
  for (const [k, a] of [['before', 'w:before'], ['after', 'w:after'], ['line', 'w:line']] as const) {
    const v = num(sp, a);
    if (v !== undefined) p[k] = v;
  }
  if (sp?.attrs['w:lineRule']) p.lineRule = sp.attrs['w:lineRule'];
  const ind = kid(pPr, 'w:ind');
  for (const [k, a] of [['left', 'w:left'], ['right', 'w:right'], ['firstLine', 'w:firstLine'], ['hanging', 'w:hanging']] as const) {
    const v = num(ind, a) ?? num(ind, a === 'w:left' ? 'w:start' : a === 'w:right' ? 'w:end' : a);
    if (v !== undefined) p[k] = v;
  }
  const bdr = kid(pPr, 'w:pBdr');
  const top = kid(bdr, 'w:top')?.attrs['w:val'];
  if (top) p.borderTop = top;
  const bottom = kid(bdr, 'w:bottom')?.attrs['w:val'];
  if (bottom) p.borderBottom = bottom;
  return p;
}

function defined(p: Props): Props {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Props;
}

export function findStyle(styles: XmlElement, id: string): XmlElement | undefined {
  return kids(styles, 'w:style').find((s) => s.attrs['w:styleId'] === id);
}

/** The properties a paragraph style gives, with its basedOn chain and the document defaults. */
export function styleProps(styles: XmlElement, id: string | undefined): Props {
  const defaults = kid(styles, 'w:docDefaults');
  let props: Props = {
    ...pPrProps(kid(kid(defaults, 'w:pPrDefault'), 'w:pPr')),
    ...rPrProps(kid(kid(defaults, 'w:rPrDefault'), 'w:rPr')),
  };
  const chain: XmlElement[] = [];
  let s = id ? findStyle(styles, id) : kids(styles, 'w:style').find((x) => x.attrs['w:default'] === '1' && x.attrs['w:type'] === 'paragraph');
  while (s && chain.length < 20) {
    chain.unshift(s);
    const base = kid(s, 'w:basedOn')?.attrs['w:val'];
    s = base ? findStyle(styles, base) : undefined;
  }
  for (const st of chain) props = { ...props, ...defined(pPrProps(kid(st, 'w:pPr'))), ...defined(rPrProps(kid(st, 'w:rPr'))) };
  return props;
}

/** A paragraph's effective properties: its style's, then its own. */
export function paragraphProps(styles: XmlElement, p: XmlElement): Props {
  const pPr = kid(p, 'w:pPr');
  const id = kid(pPr, 'w:pStyle')?.attrs['w:val'];
  return { ...styleProps(styles, id), ...defined(pPrProps(pPr)), ...defined(rPrProps(kid(pPr, 'w:rPr'))) };
}

/** A run's effective properties: its paragraph's, then its own. */
export function runProps(styles: XmlElement, r: XmlElement): Props {
  const p = ancestor(r, 'w:p')!;
  const pPr = kid(p, 'w:pPr');
  const id = kid(pPr, 'w:pStyle')?.attrs['w:val'];
  return { ...styleProps(styles, id), ...defined(rPrProps(kid(r, 'w:rPr'))) };
}

/** The body paragraph (outside tables or not) whose text is `text`. */
export function paragraphWithText(root: XmlElement, text: string | RegExp): XmlElement {
  const found = all(root, 'w:p').find((p) => (typeof text === 'string' ? textOf(p) === text : text.test(textOf(p))));
  if (!found) throw new Error(`no paragraph with text ${String(text)}`);
  return found;
}

/** The sections' w:sectPr in order (those in paragraphs, then the body's). */
export function sections(body: XmlElement): XmlElement[] {
  return all(body, 'w:sectPr');
}
