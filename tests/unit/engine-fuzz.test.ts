import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../engine/matcher/matcher';
import { placeMention } from '../../page/read/mention-placement';
import { textBlocks } from '../../page/read/text-blocks';
import { CHINA_PACK } from '../bundled-stories';

// Random pages: names split at random points across inline markup, inside
// random block and inline nesting and open shadow roots, among filler text and
// skipped subtrees. The scan must find each name the page shows exactly once,
// and its range must read back as the name.

const matcher = compileMatcher(CHINA_PACK.entities);
/** Full names only: later forms need a full name before them, which the fuzzer does not track. */
const NAMES = [...new Set(CHINA_PACK.entities.flatMap((entity) => entity.names))];
const BLOCK_TAGS = ['div', 'p', 'section', 'li', 'h2'];
const INLINE_TAGS = ['span', 'b', 'em', 'a', 'i'];

/** Lower case and punctuation only: it can never form a name, whatever it stands next to. */
const filler = fc.stringMatching(/^[a-z ,.;]{0,10}$/);

type Item =
  | { kind: 'filler'; text: string }
  | { kind: 'name'; name: string; cuts: number[]; wraps: string[] }
  | { kind: 'skipped'; how: 'style' | 'hidden' | 'pre' | 'textarea'; name: string };

const item: fc.Arbitrary<Item> = fc.oneof(
  fc.record({ kind: fc.constant('filler' as const), text: filler }),
  fc.record({
    kind: fc.constant('name' as const),
    name: fc.constantFrom(...NAMES),
    cuts: fc.array(fc.nat(30), { maxLength: 3 }),
    wraps: fc.array(fc.constantFrom(...INLINE_TAGS), { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('skipped' as const),
    how: fc.constantFrom('style' as const, 'hidden' as const, 'pre' as const, 'textarea' as const),
    name: fc.constantFrom(...NAMES),
  }),
);

/** Before each item: how many open elements to close, and what to open (a "host" opens a shadow root). */
const move = fc.record({
  close: fc.nat(3),
  open: fc.array(fc.constantFrom(...BLOCK_TAGS, ...INLINE_TAGS, 'host'), { maxLength: 2 }),
});

const page = fc.array(fc.tuple(move, item), { minLength: 1, maxLength: 14 });

/** Builds the page in the body; returns the names it shows, in no order. */
function build(steps: [{ close: number; open: string[] }, Item][]): string[] {
  document.body.innerHTML = '';
  const shown: string[] = [];
  const open: (Element | ShadowRoot)[] = [document.body];
  const parent = () => open[open.length - 1] as Element | ShadowRoot;
  for (const [{ close, open: tags }, it] of steps) {
    for (let i = 0; i < close && open.length > 1; i++) open.pop();
    for (const tag of tags) {
      const el = document.createElement(tag === 'host' ? 'div' : tag);
      parent().append(el);
      open.push(tag === 'host' ? el.attachShadow({ mode: 'open' }) : el);
    }
    if (it.kind === 'filler') {
      parent().append(it.text);
    } else if (it.kind === 'skipped') {
      const el = document.createElement(it.how === 'hidden' ? 'div' : it.how);
      if (it.how === 'hidden') el.hidden = true;
      el.textContent = ` ${it.name} `;
      parent().append(el);
    } else {
      // Stops keep the name a whole word, and apart from a name next to it; the pieces stay in one block.
      parent().append(' ; ');
      const cuts = [...new Set(it.cuts.map((cut) => cut % it.name.length))].filter((c) => c > 0).sort((a, b) => a - b);
      const bounds = [0, ...cuts, it.name.length];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const piece = document.createTextNode(it.name.slice(bounds[k], bounds[k + 1]));
        const tag = it.wraps[k % Math.max(1, it.wraps.length)];
        if (tag === undefined) parent().append(piece);
        else {
          const wrap = document.createElement(tag);
          wrap.append(piece);
          parent().append(wrap);
        }
      }
      parent().append(' ; ');
      shown.push(it.name);
    }
  }
  return shown;
}

describe('the scan over random pages', () => {
  it('finds every name a page shows exactly once, with ranges over its text, and nothing else', () => {
    fc.assert(
      fc.property(page, (steps) => {
        const shown = build(steps);
        const found: string[] = [];
        const seen = new Set<string>();
        for (const block of textBlocks(document.body)) {
          for (const mention of matcher.findMentions(block.text, seen).mentions) {
            const placed = placeMention(block, mention);
            expect(placed.range.toString()).toBe(mention.text);
            expect(placed.nodes[0]).toBe(placed.range.startContainer);
            expect(placed.nodes.at(-1)).toBe(placed.range.endContainer);
            found.push(mention.text);
          }
        }
        expect(found.sort()).toEqual([...shown].sort());
      }),
      { numRuns: 1000 },
    );
  });
});
