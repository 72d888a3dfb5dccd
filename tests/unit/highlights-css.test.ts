import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../data/schema';
import { contrastRatio } from '../../engine/settings/highlight-colours';
import { PROJECT_ROOT } from '../shared-paths';

const css = readFileSync(join(PROJECT_ROOT, 'entrypoints/content/highlights.css'), 'utf8');
const rules = new Map(
  [...css.matchAll(/::highlight\(context-lens-([a-z]+)\)\s*\{([^}]*)\}/g)].map(([, kind, body]) => [
    kind as string,
    Object.fromEntries(
      (body as string)
        .split(';')
        .map((declaration) => declaration.split(':').map((part) => part.trim()))
        .filter((pair) => pair.length === 2),
    ) as Record<string, string>,
  ]),
);

const contrast = contrastRatio;

const MARKS = ['active', 'flash'];

describe('highlight styles', () => {
  it('style every kind, and the open card and jump marks', () => {
    expect([...rules.keys()].sort()).toEqual([...ENTITY_KINDS, ...MARKS].sort());
  });

  it.each(MARKS)('the %s mark is legible (AAA contrast) and differs from every kind', (mark) => {
    const rule = rules.get(mark) ?? {};
    expect(contrast(rule.color as string, rule['background-color'] as string)).toBeGreaterThanOrEqual(7);
    for (const kind of ENTITY_KINDS) expect(rules.get(kind)?.['background-color']).not.toBe(rule['background-color']);
  });

  it.each([...ENTITY_KINDS])('%s sets its own text colour on its own tint, above WCAG AAA contrast', (kind) => {
    const rule = rules.get(kind) ?? {};
    expect(rule.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(rule['background-color']).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrast(rule.color as string, rule['background-color'] as string)).toBeGreaterThanOrEqual(7);
  });

  it('tells kinds apart by tint and by underline style, not by colour alone', () => {
    const kinds = ENTITY_KINDS.map((kind) => rules.get(kind) ?? {});
    const tints = new Set(kinds.map((rule) => rule['background-color']));
    expect(tints.size).toBe(ENTITY_KINDS.length);
    // The decoration less its colour: its lines, thickness and style.
    const underlines = new Set(kinds.map((rule) => rule['text-decoration']?.replace(/\s*#[0-9a-f]{6}$/i, '')));
    expect(underlines.size).toBe(ENTITY_KINDS.length);
  });
});
