import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PrivateHighlights } from '../../components/card/private-paint';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import { installedEntry } from '../../engine/packs/pack-registry';
import { DEFAULT_SETTINGS, type Settings, withStoryChoice } from '../../engine/settings/settings';
import type { LensOnPage } from '../../page/start/lens-on-page';
import { storeAddedPack, storeBundledNames } from '../../platform/storage/pack-store';
import { readerPack } from '../e2e/support/reader-pack';
import { lensOnTestPage } from './lens-fixture';
import { showPage } from './page-fixtures';

/** Set to make the card's module fail to load, as after the extension was removed. */
const cardModule = vi.hoisted(() => ({ fails: false }));

// The card's module is a file of the built extension; here it comes from its source, as the build would load it.
vi.mock('../../page/hover/card-module-loader', async () => {
  const { createCardView } = await import('../../components/card/card-module-entry');
  return {
    loadCardView: async (...args: Parameters<typeof createCardView>) => {
      if (cardModule.fails) throw new Error('content-scripts/card.js did not load');
      return createCardView(...args);
    },
  };
});

/** Every text in the page's highlight registry, under every name: what a page's script can read. */
function registryTexts(): string[] {
  const texts: string[] = [];
  for (const [, highlight] of CSS.highlights) for (const range of highlight) texts.push(range.toString());
  return texts.sort();
}

/** The boxes a private layer holds, by the rect each covers. */
const boxesOf = (layer: HTMLElement) => [...layer.children].map((box) => (box as HTMLElement).getBoundingClientRect());

const nextFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

afterEach(() => {
  CSS.highlights.clear();
  document.body.replaceChildren();
  document.body.removeAttribute('style');
  scrollTo(0, 0);
  for (const host of document.querySelectorAll('context-lens-ui')) host.remove();
});

describe('a private story on a page', () => {
  let ctx: ContentScriptContext;
  let lens: LensOnPage;
  let counts: Record<string, number>[];

  beforeEach(async () => {
    await storeBundledNames(BUNDLED_PACKS);
    const reader = readerPack();
    await storeAddedPack(reader, installedEntry(reader, new Date('2026-12-01T00:00:00Z')));
    showPage('<p>Ant Group and Alibaba met in Hangzhou.</p><p>Ant Group grew.</p>');
    counts = [];
    ({ ctx, lens } = lensOnTestPage(counts));
  });

  afterEach(() => {
    cardModule.fails = false;
    lens.dispose();
    ctx.abort();
  });

  const publicReader = (settings: Settings) => withStoryChoice(settings, 'ant-group-notes', { public: true });

  it('leaves its names out of the page’s registry, with everything else as it would be without it', async () => {
    await lens.apply({ ...DEFAULT_SETTINGS, highlightBy: 'story' });
    await vi.waitFor(() => expect(counts.at(-1)?.['ant-group']).toBe(2));
    await vi.waitFor(() => expect(registryTexts()).toEqual(['Alibaba', 'Hangzhou']));
    // The public stories' swatches are numbered before the private ones': the registry cannot count those.
    expect([...CSS.highlights.keys()]).toEqual(['context-lens-swatch-0']);
    expect(document.querySelectorAll('context-lens-ui')).toHaveLength(1);
  });

  it('is painted in the registry as any story once the reader makes it public', async () => {
    await lens.apply(publicReader(DEFAULT_SETTINGS));
    await vi.waitFor(() => expect(registryTexts()).toEqual(['Alibaba', 'Ant Group', 'Ant Group', 'Hangzhou']));
  });

  it('leaves a private story unhighlighted, and the others highlighted, where our UI cannot load', async () => {
    cardModule.fails = true;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await lens.apply(DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(registryTexts()).toEqual(['Alibaba', 'Hangzhou']));
    expect(counts.at(-1)?.['ant-group']).toBeUndefined();
  });

  it('adds our host at the start when a private story is on, whatever the page names', async () => {
    showPage('<p>Nothing of any story here.</p>');
    await lens.apply(DEFAULT_SETTINGS);
    expect(document.querySelectorAll('context-lens-ui')).toHaveLength(1);
    expect(registryTexts()).toEqual([]);
  });
});

describe('PrivateHighlights', () => {
  let layer: HTMLElement;
  let host: HTMLElement;
  let paint: PrivateHighlights;
  /** How many boxes each paint placed, as the page hears of it. */
  let painted: number[];

  beforeEach(() => {
    showPage('<p style="font: 20px/30px monospace">Ant Group and <b>Ant</b> Group</p>');
    painted = [];
    host = document.createElement('div');
    // Open here so that the test can read it; the shipped build's root is closed.
    const root = host.attachShadow({ mode: 'open' });
    layer = document.createElement('div');
    root.append(layer);
    document.documentElement.append(host);
    paint = new PrivateHighlights(layer, document, host, (_, boxes) => painted.push(boxes));
  });

  afterEach(() => {
    paint.dispose();
    host.remove();
  });

  /** A range over the `n`th "Ant Group" on the test page. */
  function rangeOver(n: number): Range {
    const range = document.createRange();
    const p = document.querySelector('p') as HTMLElement;
    if (n === 0) {
      range.setStart(p.firstChild as Text, 0);
      range.setEnd(p.firstChild as Text, 'Ant Group'.length);
    } else {
      range.setStart(p.querySelector('b')?.firstChild as Text, 0);
      range.setEnd(p.lastChild as Text, ' Group'.length);
    }
    expect(range.toString()).toBe('Ant Group');
    return range;
  }

  it('paints a box over each rect of its ranges, in a fixed layer that takes no pointer, and none in the registry', async () => {
    const highlight = new Highlight(rangeOver(0), rangeOver(1));
    paint.set('context-lens-firm', highlight);
    await nextFrames();
    const rects = [rangeOver(0), rangeOver(1)].flatMap((range) => [...range.getClientRects()]);
    const boxes = boxesOf(layer);
    expect(boxes).toHaveLength(rects.length);
    expect(painted.at(-1)).toBe(rects.length);
    for (const [i, rect] of rects.entries()) {
      expect(boxes[i]?.left).toBeCloseTo(rect.left, 0);
      expect(boxes[i]?.top).toBeCloseTo(rect.top, 0);
      expect(boxes[i]?.width).toBeCloseTo(rect.width, 0);
    }
    expect(getComputedStyle(layer).position).toBe('fixed');
    expect(getComputedStyle(layer).pointerEvents).toBe('none');
    expect([...CSS.highlights.keys()]).toEqual([]);
    // The reader's pointer and the page's hit tests go through to the text.
    const { left, top, width, height } = rects[0] as DOMRect;
    expect(document.elementFromPoint(left + width / 2, top + height / 2)).toBe(document.querySelector('p'));
  });

  it('follows the text when the page scrolls, and drops a box whose text the page covers', async () => {
    document.body.style.height = '3000px';
    document.querySelector('p')?.setAttribute('style', 'font: 20px/30px monospace; margin-top: 200px');
    const range = rangeOver(0);
    paint.set('context-lens-firm', new Highlight(range));
    await nextFrames();
    scrollTo(0, 40);
    await nextFrames();
    expect(boxesOf(layer)[0]?.top).toBeCloseTo(range.getBoundingClientRect().top, 0);
    const cover = document.createElement('div');
    const rect = range.getBoundingClientRect();
    cover.style.cssText = `position: fixed; left: 0; top: ${rect.top - 5}px; width: 100vw; height: 60px; background: white`;
    document.body.append(cover);
    paint.changed();
    await nextFrames();
    expect(boxesOf(layer)).toHaveLength(0);
  });

  it('marks the open mention above the others, and clears everything it painted when disposed', async () => {
    const active = new Highlight(rangeOver(1));
    active.priority = 1;
    paint.set('context-lens-firm', new Highlight(rangeOver(0)));
    paint.set('context-lens-active', active);
    await nextFrames();
    // The name in bold makes two rects, and so two boxes, of the open mention.
    const marked = rangeOver(1).getClientRects().length;
    expect([...layer.children].map((box) => box.className)).toEqual(['', ...Array(marked).fill('mark')]);
    paint.delete('context-lens-active');
    await nextFrames();
    expect(layer.children).toHaveLength(1);
    paint.dispose();
    expect(layer.children).toHaveLength(0);
  });
});
