/**
 * The little XML that SpreadsheetML parts need, scanned with regular expressions over the decoded
 * part: start tags with an optional namespace prefix ("<x:c>"), attribute values, text with XML
 * entities and OOXML's _xHHHH_ escapes, and the text of a string item (<si>, <is>).
 */

/** An optional namespace prefix before an element name, as a regex source. */
export const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** ST_Xstring escapes: "_x000D_" is a carriage return, "_x005F_" an underscore. */
const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function entity(whole: string, hex: string | undefined, dec: string | undefined, name: string | undefined): string {
  if (name) return NAMED[name]!;
  const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/** Decode XML entities only (attribute values). */
export function xmlDecode(raw: string): string {
  return raw.includes('&') ? raw.replace(ENTITY, entity) : raw;
}

/** Decode element text: XML entities, then _xHHHH_ escapes. */
export function xmlText(raw: string): string {
  const s = xmlDecode(raw);
  return s.includes('_x') ? s.replace(X_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

const attrPatterns = new Map<string, RegExp>();

/**
 * The value of attribute `name` in a start tag's attribute text, entities decoded; null if absent.
 * `name` may be a regex source ("\\w+:id" for r:id under any prefix).
 */
export function attr(attrs: string, name: string): string | null {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? xmlDecode(m[1] ?? m[2]!) : null;
}

/** Every start (or empty) tag of element `name` in `xml`: its attribute text, in order. */
export function startTags(xml: string, name: string): string[] {
  const re = new RegExp(`<${PREFIX}${name}(\\s[^>]*)?/?>`, 'g');
  const out: string[] = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ?? '');
  return out;
}

const PHONETIC = new RegExp(`<${PREFIX}rPh\\b[^>]*>[\\s\\S]*?</${PREFIX}rPh>`, 'g');
const T_ELEMENT = new RegExp(`<${PREFIX}t(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${PREFIX}t>)`, 'g');

/**
 * The text of a string item: the content of an <si> or <is> element, plain (<t>) or rich text
 * (runs <r><t>…</t></r> joined), phonetic guides (<rPh>) left out. Whitespace is kept as written.
 */
export function stringItem(content: string): string {
  const body = content.includes('rPh') ? content.replace(PHONETIC, '') : content;
  let text = '';
  T_ELEMENT.lastIndex = 0;
  for (let m = T_ELEMENT.exec(body); m; m = T_ELEMENT.exec(body)) {
    if (m[1]) text += m[1];
  }
  return xmlText(text);
}
