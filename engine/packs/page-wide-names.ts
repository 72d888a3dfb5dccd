/**
 * Names that would mark a page everywhere: a pack naming an entity "the",
 * "and" or "." would highlight every one of them on every page. The pack
 * check refuses them, each with its path.
 */

/** Words of running English text, and their Chinese counterparts, that name nothing. */
const FUNCTION_WORDS = new Set(
  [
    'a an the and or but nor of to in on at by for from with as into onto over under about after before than then',
    'that this these those it its is are was were be been being am i you he she we they me him her us them my your',
    'his our their not no yes so if do does did has have had will would can could may might must shall should',
    'there here what which who whom whose when where why how all any some each every one two new more most other',
    'such only also just very',
    '我们 你们 他们 她们 它们 这个 那个 这些 那些 什么 怎么 因为 所以 但是 如果 虽然 可以 没有 已经 一个 自己',
    '我的 你的 他的 的话 还是 或者 而且 然后 现在 今天 这样 那样 时候 问题 事情 进行 表示 认为 可能',
  ]
    .join(' ')
    .split(' '),
);

/** Letters and digits of any script: a name needs two, so "." or "京" alone marks nothing. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/**
 * Why `name` would mark a page everywhere, or null when it would not: it
 * holds fewer than two letters or digits, or it is a word of running text.
 * A word written in capitals, as an acronym is (US, IT), is a name.
 */
export function pageWideName(name: string): 'tooShort' | 'commonWord' | null {
  if ((name.match(LETTER_OR_DIGIT) ?? []).length < 2) return 'tooShort';
  const acronym = name === name.toUpperCase() && name !== name.toLowerCase();
  return !acronym && FUNCTION_WORDS.has(name.toLowerCase()) ? 'commonWord' : null;
}
