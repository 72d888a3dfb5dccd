/**
 * The library's `t` over a catalogue bundled with the extension, for a
 * language the reader chose over the browser's. `browser.i18n` reads only
 * the browser's language, so a chosen one needs its messages at hand; the
 * steps below are @wxt-dev/i18n's `t` and Chrome's `getMessage` in turn, so
 * that both paths give the same words (tests/unit/words.test.ts holds them
 * to it, key by key).
 */

/** A locale file as written in `locales/`: messages, groups of messages, and plurals keyed 0, 1 and n. */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

type Arg = number | readonly (string | number)[] | Record<string, string | number> | undefined;

const isPlural = (group: Catalogue) => Object.keys(group).every((key) => key === 'n' || Number.isFinite(Number(key)));

/** Every message by its dotted key; a plural's forms are joined as the library writes them for the browser. */
function flatten(catalogue: Catalogue, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') into.set(path, value);
    else if (isPlural(value)) into.set(path, Object.values(value).join(' | '));
    else flatten(value, path, into);
  }
  return into;
}

/** `$1`…`$9` as `getMessage` fills them; `$$` is a dollar sign. */
function substitute(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

/** Picks a plural form by count, as the library does: one form for all, or one/other, or zero/one/other. */
function pluralForm(message: string, count: number): string {
  const forms = message.split(' | ');
  if (forms.length === 1) return forms[0] as string;
  if (forms.length === 2) return forms[count === 1 ? 0 : 1] as string;
  return forms[count === 0 || count === 1 ? count : 2] as string;
}

export function catalogueWords(catalogue: Catalogue): (key: string, ...args: Arg[]) => string {
  const messages = flatten(catalogue);
  return (key, ...args) => {
    let count: number | undefined;
    let substitutions: readonly string[] | undefined;
    let named: Record<string, string | number> | undefined;
    for (const arg of args) {
      if (typeof arg === 'number') count = arg;
      else if (Array.isArray(arg)) substitutions = arg.map(String);
      else if (arg != null) named = arg as Record<string, string | number>;
    }
    if (count !== undefined && substitutions === undefined) substitutions = [String(count)];
    let message = substitute(messages.get(key) ?? '', substitutions ?? []);
    if (count !== undefined) message = pluralForm(message, count);
    if (named === undefined) return message;
    const values = named;
    return message.replace(/\{([A-Za-z0-9_]+)\}/g, (match, name: string) =>
      Object.hasOwn(values, name) ? String(values[name]) : match,
    );
  };
}
