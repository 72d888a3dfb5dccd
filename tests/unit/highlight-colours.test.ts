import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  isLegibleTint,
  STORY_TINTS,
  storyHighlightCss,
  tintStyle,
} from '../../engine/settings/highlight-colours';

const contrast = contrastRatio;

describe('story highlight styles', () => {
  it.each([...STORY_TINTS])('the default tint %s carries text above AAA contrast', (tint) => {
    expect(isLegibleTint(tint)).toBe(true);
  });

  it('refuse a tint on which no text colour reaches 7:1, and pick the better text colour otherwise', () => {
    expect(isLegibleTint('#777777')).toBe(false);
    expect(isLegibleTint('red')).toBe(false);
    expect(tintStyle('#1e3a8a').text).toBe('#ffffff');
    expect(tintStyle('#fef9c3').text).toBe('#111827');
  });

  it('give each story its tint, legible text and an underline style of its own', () => {
    const tints = ['#fde68a', '#1e3a8a', '#bfdbfe', '#fbcfe8', '#ddd6fe'];
    const css = storyHighlightCss(tints, (turn) => `context-lens-story-${turn}`);
    const stories = [...css.matchAll(/::highlight\(context-lens-story-(\d)\)\s*\{([^}]*)\}/g)].map(([, , body]) =>
      Object.fromEntries(
        (body as string)
          .split(';')
          .map((d) => d.split(':').map((p) => p.trim()))
          .filter((pair) => pair.length === 2),
      ),
    );
    expect(stories.map((rule) => rule['background-color'])).toEqual(tints);
    for (const rule of stories) {
      expect(contrast(rule.color as string, rule['background-color'] as string)).toBeGreaterThanOrEqual(7);
    }
    expect(new Set(stories.map((rule) => (rule['text-decoration'] as string).split(' ')[2])).size).toBe(5);
  });
});
