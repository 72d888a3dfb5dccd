import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preprocessCSS, resolveConfig } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../../engine/settings/highlight-colours';
import { PROJECT_ROOT } from '../shared-paths';

type Tokens = Record<string, string>;
type Scheme = 'light' | 'dark';

/** A stylesheet as the build makes it, its imports inlined. */
async function built(file: string): Promise<CSSStyleSheet> {
  const path = join(PROJECT_ROOT, file);
  const config = await resolveConfig({ root: PROJECT_ROOT, configFile: false, logLevel: 'silent' }, 'build');
  const { code } = await preprocessCSS(readFileSync(path, 'utf8'), path, config);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(code);
  return sheet;
}

/** The custom properties a sheet gives the element `selector` names, without and with a dark scheme asked for. */
function tokensOf(sheet: CSSStyleSheet, selector: string): Record<Scheme, Tokens> {
  const tokens: Record<Scheme, Tokens> = { light: {}, dark: {} };
  const read = (rules: CSSRuleList, scheme: Scheme) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule && rule.media.mediaText.includes('prefers-color-scheme: dark')) {
        read(rule.cssRules, 'dark');
      } else if (rule instanceof CSSStyleRule && rule.selectorText.split(',').some((s) => s.trim() === selector)) {
        for (const name of Array.from(rule.style).filter((property) => property.startsWith('--'))) {
          tokens[scheme][name] = rule.style.getPropertyValue(name).trim();
        }
      }
    }
  };
  read(sheet.cssRules, 'light');
  return { light: tokens.light, dark: { ...tokens.light, ...tokens.dark } };
}

let card: Record<Scheme, Tokens>;
let panel: Record<Scheme, Tokens>;

beforeAll(async () => {
  // The card's frame inside its shadow root; the panel's and options page's document.
  card = tokensOf(await built('components/card/hover-card.css'), '.frame');
  panel = tokensOf(await built('components/panel/panel.css'), ':root');
});

describe('the colours the hover card and the extension’s pages share', () => {
  it.each(['light', 'dark'] as const)('are the same in both, in the %s scheme', (scheme) => {
    expect(Object.keys(card[scheme]).sort()).toEqual(['--accent', '--bg', '--chip', '--fg', '--line', '--muted']);
    expect(panel[scheme]).toEqual(card[scheme]);
  });

  it.each(['light', 'dark'] as const)(
    'give text WCAG AA contrast (4.5:1) on the background and on chips, in the %s scheme',
    (scheme) => {
      const tokens = card[scheme];
      for (const text of ['--fg', '--muted', '--accent']) {
        for (const ground of ['--bg', '--chip']) {
          const ratio = contrastRatio(tokens[text] as string, tokens[ground] as string);
          expect(ratio, `${text} on ${ground}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    },
  );
});
