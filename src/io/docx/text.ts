/** Text handling shared by the writer: NFC normalisation, upper case, list prefixes, XML escaping. */

/** Precomposed (NFC) Vietnamese, as Nghị định 30 asks (TCVN 6909:2001 Unicode). */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

export function upper(text: string): string {
  return nfc(text).toLocaleUpperCase('vi');
}

/** `text` starting with `prefix` ("- ", "+ "), unless it already does. */
export function withPrefix(prefix: string, text: string): string {
  const t = nfc(text);
  const mark = prefix.trim();
  if (t.startsWith(prefix)) return t;
  if (t.startsWith(mark)) return `${prefix}${t.slice(mark.length).trimStart()}`;
  return `${prefix}${t}`;
}

const XML_SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes text content for XML, dropping characters XML 1.0 does not allow. */
export function escapeXmlText(text: string): string {
  return text.replace(XML_SPECIAL, (c) => ENTITY[c] ?? '');
}
