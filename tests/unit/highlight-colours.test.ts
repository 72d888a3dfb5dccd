import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  isLegibleTint,
  nearestSwatch,
  STORY_SWATCHES,
  STORY_UNDERLINES,
  tintStyle,
} from '../../engine/settings/highlight-colours';

/** Our highlight style sheet's declarations, by highlight name. */
function highlightRules(): Map<string, Record<string, string>> {
  const css = readFileSync(resolve(__dirname, '../../entrypoints/content/highlights.css'), 'utf8');
  const rules = new Map<string, Record<string, string>>();
  for (const [, name, body] of css.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)) {
    const declarations = (body as string)
      .split(';')
      .map((d) => d.split(':').map((p) => p.trim()))
      .filter((pair) => pair.length === 2);
    rules.set(name as string, Object.fromEntries(declarations));
  }
  return rules;
}

describe('the palette of story colours', () => {
  it.each([...STORY_SWATCHES.entries()])(
    'swatch %i (%s) is in our own style sheet, legible at AAA, with its underline',
    (index, tint) => {
      const rule = highlightRules().get(`context-lens-swatch-${index}`);
      expect(rule?.['background-color']).toBe(tint);
      expect(rule?.color).toBe(tintStyle(tint).text);
      expect(contrastRatio(rule?.color as string, tint)).toBeGreaterThanOrEqual(7);
      expect(rule?.['text-decoration']).toBe(
        `underline 2px ${STORY_UNDERLINES[index % STORY_UNDERLINES.length]} ${tintStyle(tint).text}`,
      );
    },
  );

  it('gives stories side by side different underlines as well as colours', () => {
    const underlines = STORY_SWATCHES.slice(0, STORY_UNDERLINES.length).map(
      (_, index) => highlightRules().get(`context-lens-swatch-${index}`)?.['text-decoration'],
    );
    expect(new Set(underlines).size).toBe(STORY_UNDERLINES.length);
  });

  it('sends a colour chosen before the palette to the nearest swatch', () => {
    expect(nearestSwatch('#fde68a')).toBe(0);
    expect(nearestSwatch('#fde08a')).toBe(0);
    expect(STORY_SWATCHES[nearestSwatch('#bfdbff')]).toBe('#bfdbfe');
  });

  it('refuse a tint on which no text colour reaches 7:1, and pick the better text colour otherwise', () => {
    expect(isLegibleTint('#777777')).toBe(false);
    expect(isLegibleTint('red')).toBe(false);
    expect(tintStyle('#1e3a8a').text).toBe('#ffffff');
    expect(tintStyle('#fef9c3').text).toBe('#111827');
  });
});
