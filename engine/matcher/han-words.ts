/**
 * Where Chinese words end, by the word segmenter the browser ships (ICU's
 * dictionary). A one-char short form at the end of its phrase is a mention
 * only where a word ends with it: 在英工作 is "working in Britain", while
 * 在英语课上 and 在英伟达 hold other words that begin with 英.
 *
 * The segmenter loads its dictionary on first use (about 20 ms), so it is
 * made only when a page holds such a phrase, and only once.
 */

/** Chars either side of the point that the segmenter reads: enough for a word or two. */
const WINDOW = 6;

/** Whether a UTF-16 code is a Han character (the CJK blocks and the compatibility ideographs). */
export const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

let segmenter: Intl.Segmenter | null | undefined;

function zhSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/**
 * Whether a word ends at `at` in `text`. Without a segmenter (an old
 * browser) every point counts, as it did before this rule.
 */
export function isHanWordEnd(text: string, at: number): boolean {
  if (!isHan(text.charCodeAt(at))) return true;
  const words = zhSegmenter();
  if (words === null) return true;
  const from = Math.max(0, at - WINDOW);
  for (const { index, segment } of words.segment(text.slice(from, at + WINDOW))) {
    const end = from + index + segment.length;
    if (end === at) return true;
    if (end > at) return false;
  }
  return true;
}
