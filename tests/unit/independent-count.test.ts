// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CHINA_PACK } from '../bundled-stories';
import { countInRenderedText, countRules } from '../e2e/support/independent-count';
import { LABELLED, parseLabelled } from '../labelled-mentions';

const rules = countRules(CHINA_PACK.entities);

/** The count over a page of these paragraphs. */
function countIn(paragraphs: string[]): Record<string, number> {
  document.body.replaceChildren(
    ...paragraphs.map((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      return p;
    }),
  );
  return countInRenderedText(rules);
}

/** The corpus sweep's own count must agree with the labels too, or it could not check the extension. */
describe('the independent count of the corpus sweep', () => {
  it.each(LABELLED.map((c) => [c.title, c] as const))('%s: counts what the labels say', (_, category) => {
    for (const sentence of category.sentences) {
      const { text, expected } = parseLabelled(sentence);
      const wanted: Record<string, number> = {};
      for (const m of expected) wanted[m.entityId] = (wanted[m.entityId] ?? 0) + 1;
      // The opening block counts as well: what it names is counted on its own first.
      const opening = countIn([category.before]);
      const both = countIn([category.before, text]);
      const sentenceOnly = Object.fromEntries(
        Object.entries(both)
          .map(([id, n]) => [id, n - (opening[id] ?? 0)] as const)
          .filter(([, n]) => n > 0),
      );
      expect(sentenceOnly, sentence).toEqual(wanted);
    }
  });
});
