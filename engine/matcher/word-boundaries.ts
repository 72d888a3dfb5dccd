/**
 * Where a name may start and end: a Latin name inside a longer word ("Ma" in
 * "Mark") is no mention, while one beside Han or kana text is.
 */

/**
 * Letters of the cased scripts (Latin with its extensions, IPA, Greek,
 * Cyrillic, Armenian, Georgian, full-width Latin and digits) and combining
 * marks, as code point ranges. A table rather than case mapping or Unicode
 * property regexes: both load ICU data or compile large classes on first use,
 * which costs tens of milliseconds in a page that has not used them yet.
 */
const WORD_RANGES: readonly [number, number][] = [
  [0x00aa, 0x00aa],
  [0x00b5, 0x00b5],
  [0x00ba, 0x00ba],
  [0x00c0, 0x00d6],
  [0x00d8, 0x00f6],
  [0x00f8, 0x02af],
  [0x0300, 0x036f],
  [0x0370, 0x0373],
  [0x0376, 0x0377],
  [0x037b, 0x037d],
  [0x0386, 0x0386],
  [0x0388, 0x03ff],
  [0x0400, 0x0481],
  [0x0483, 0x052f],
  [0x0531, 0x0556],
  [0x0560, 0x0588],
  [0x10a0, 0x10ff],
  [0x1ab0, 0x1aff],
  [0x1c80, 0x1cbf],
  [0x1d00, 0x1fff],
  [0x20d0, 0x20ff],
  [0x2c00, 0x2c7f],
  [0x2d00, 0x2d2f],
  [0x2de0, 0x2dff],
  [0xa640, 0xa69f],
  [0xa720, 0xa7ff],
  [0xab30, 0xab6f],
  [0xfb00, 0xfb06],
  [0xfe20, 0xfe2f],
  [0xff10, 0xff19],
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
];

/**
 * Whether a char continues a word for boundary purposes: ASCII letters,
 * digits and "_", and the letters and marks of WORD_RANGES. Han, kana and
 * other scripts written without spaces are not in it, so a Latin name right
 * next to them still stands alone.
 */
export function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      code === 0x5f
    );
  }
  let lo = 0;
  let hi = WORD_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = WORD_RANGES[mid] as [number, number];
    if (code < from) hi = mid - 1;
    else if (code > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Whether a name has letters with case, so that its capitals differ from it. */
export function hasCasedLetters(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x80 && isWordCode(code))) {
      return true;
    }
  }
  return false;
}

export function isWordAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  return isWordCode(text.codePointAt(index) as number);
}

export function isWordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const code = text.charCodeAt(index - 1);
  const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff;
  return isWordCode(isLowSurrogate && index >= 2 ? (text.codePointAt(index - 2) as number) : code);
}

/**
 * Whether two elements' texts meet at `index` with no space, where a reader
 * sees two words: in menus and link lists the items often run on in the
 * markup ("vs" and a logo, then "Xiaomi"; "Vivo X21" then "Xiaomi Mi A2"),
 * the layout setting them apart. It is a word boundary when the text after
 * begins with a capital and the text before ends in a lower-case letter or
 * a digit. A word split between elements (<b>Hua</b>wei, a drop capital)
 * goes on in lower case, and stays one word; two text nodes of one element
 * are one run of text. `elementEdges` holds where an element's edge lies
 * between two text nodes.
 */
export function isElementJoin(text: string, index: number, elementEdges: readonly number[]): boolean {
  const after = text.charCodeAt(index);
  const before = text.charCodeAt(index - 1);
  const lowerOrDigit = (before >= 0x61 && before <= 0x7a) || (before >= 0x30 && before <= 0x39);
  // Asked only where a name's edge touches a letter or digit, which is rare: a scan of the edges is enough.
  return after >= 0x41 && after <= 0x5a && lowerOrDigit && elementEdges.includes(index);
}
