import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { MentionCounts } from '../../engine/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../engine/settings/settings';
import type { LensOnPage } from '../../page/start/lens-on-page';
import { storeBundledNames } from '../../platform/storage/pack-store';
import { highlighted } from './highlighted-text';
import { lensOnTestPage } from './lens-fixture';
import { showPage } from './page-fixtures';

let ctx: ContentScriptContext;
let lens: LensOnPage;
let counts: MentionCounts[];

beforeEach(async () => {
  await storeBundledNames(BUNDLED_PACKS);
  showPage('<p>Alibaba opened an office in Hangzhou.</p>');
  counts = [];
  ({ ctx, lens } = lensOnTestPage(counts));
});

afterEach(() => {
  lens.dispose();
  ctx.abort();
  document.body.replaceChildren();
});

const withKinds = (kinds: Partial<Settings['kinds']>): Settings => ({
  ...DEFAULT_SETTINGS,
  kinds: { ...DEFAULT_SETTINGS.kinds, ...kinds },
});

describe('Context Lens on a page', () => {
  it('highlights every kind by default, each in its own highlight, a common name once an actor is shown', async () => {
    await lens.apply(DEFAULT_SETTINGS);
    expect(highlighted('context-lens-firm')).toEqual(['Alibaba']);
    await vi.waitFor(() => expect(highlighted('context-lens-city')).toEqual(['Hangzhou']));
  });

  it('highlights only the kinds the reader chose, and all again when they choose so', async () => {
    await lens.apply(withKinds({ city: false }));
    expect(highlighted('context-lens-firm')).toEqual(['Alibaba']);
    expect(highlighted('context-lens-city')).toEqual([]);
    await lens.apply(DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(highlighted('context-lens-city')).toEqual(['Hangzhou']));
  });

  it('colours by story when asked: one highlight per story, in its swatch of the palette', async () => {
    await lens.apply({ ...DEFAULT_SETTINGS, highlightBy: 'story' });
    expect(highlighted('context-lens-firm')).toEqual([]);
    await vi.waitFor(() => expect(highlighted('context-lens-swatch-0').sort()).toEqual(['Alibaba', 'Hangzhou']));
  });

  it('takes the highlights away and says the page is paused when the site is switched off', async () => {
    await lens.apply(DEFAULT_SETTINGS);
    await lens.apply({ ...DEFAULT_SETTINGS, sites: { 'news.example.com': false } });
    expect(highlighted('context-lens-firm')).toEqual([]);
    await vi.waitFor(() => expect(counts.at(-1)).toEqual({}));
  });

  it('applies settings in the order they came, each after the last', async () => {
    const first = lens.apply(withKinds({ firm: false }));
    const second = lens.apply(DEFAULT_SETTINGS);
    await first;
    await second;
    expect(highlighted('context-lens-firm')).toEqual(['Alibaba']);
  });
});
