/**
 * A run option named in a core message ("kiểm tra --province ..."): the core knows the option by
 * its key, the interface that runs it knows how the user spells it. The CLI replaces each
 * reference with its flag (resolveOptionRefs) wherever a message reaches the user.
 */
export type OptionKey = 'province' | 'previous' | 'input' | 'date' | 'signer' | 'issued' | 'bottom' | 'target' | 'force';

const REF = /\u27E6([a-zA-Z]+)\u27E7/g;

export function optionRef(key: OptionKey): string {
  return `\u27E6${key}\u27E7`;
}

export function resolveOptionRefs(text: string, name: (key: string) => string): string {
  return text.replace(REF, (_, key: string) => name(key));
}
