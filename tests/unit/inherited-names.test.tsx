import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupPanel } from '../../components/panel/popup-panel';
import { RelationsMap } from '../../components/pictures/relations-map';
import type { StoryPack } from '../../data/schema';
import { compileMatcher } from '../../engine/matcher/matcher';
import { parseCounts, sumCounts } from '../../engine/messages';
import { packIn } from '../../engine/packs/pack-language';
import { installedEntry } from '../../engine/packs/pack-registry';
import { readStoryPack } from '../../engine/packs/story-pack';
import { relationsMap } from '../../engine/pictures/relations-model';
import { applyPatch, DEFAULT_SETTINGS, storyEnabled, withStoryChoice } from '../../engine/settings/settings';
import { MentionStore } from '../../page/highlight/mention-store';
import { storeAddedPack } from '../../platform/storage/pack-store';
import { saveSettings } from '../../platform/storage/settings-store';
import { CHINA_PACK } from '../bundled-stories';
import { scanIntoStore } from '../scan-into-store';

/**
 * The names every plain object inherits that a pack may use as ids: entity,
 * fact and story ids are lower case, so only "constructor"; paragraph ids
 * may hold capitals.
 */
const PARAGRAPH_IDS = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable'];

/** The China story with its ids renamed, in every place that refers to them. */
function withIds(pack: StoryPack, renames: Record<string, string>): StoryPack {
  let json = JSON.stringify(pack);
  for (const [from, to] of Object.entries(renames)) json = json.replaceAll(`"${from}"`, `"${to}"`);
  return { ...JSON.parse(json), id: 'constructor', title: 'Inherited names' };
}

const HOSTILE = withIds(CHINA_PACK, {
  alibaba: 'constructor',
  ...Object.fromEntries(PARAGRAPH_IDS.map((id, i) => [`P${i + 1}`, id])),
});

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', '/popup.html?tab=7');
});
afterEach(cleanup);

describe('ids that are names every object inherits', () => {
  it('make a valid pack, whose translation still finds its own text and only that', () => {
    expect(readStoryPack(structuredClone(HOSTILE)).ok).toBe(true);
    const chinese = packIn(HOSTILE, 'zh-CN');
    const entity = chinese.entities.find((e) => e.id === 'constructor');
    expect(entity?.description[0]?.text).toMatch(/科技公司/);
    expect(typeof chinese.source.paragraphs[0]?.label).toBe('string');
    // A translation that leaves them out leaves the pack's own words.
    const { entities: _, paragraphs: __, ...rest } = HOSTILE.translations?.['zh-CN'] ?? {};
    const bare = packIn({ ...HOSTILE, translations: { 'zh-CN': rest } } as StoryPack, 'zh-CN');
    expect(bare.entities.find((e) => e.id === 'constructor')?.description).toEqual(
      HOSTILE.entities.find((e) => e.id === 'constructor')?.description,
    );
    expect(bare.source.paragraphs.map((p) => typeof p.label)).not.toContain('function');
  });

  it('are laid out in the relations map, node and arrows, and the map is drawn', () => {
    const map = relationsMap(HOSTILE);
    expect(map.nodes.find((node) => node.id === 'constructor')?.width).toBeGreaterThan(0);
    const arrows = map.edges.filter((edge) => edge.from === 'constructor' || edge.to === 'constructor');
    expect(arrows.length).toBeGreaterThan(0);
    for (const arrow of arrows) expect(arrow.points.length).toBeGreaterThan(1);
    render(<RelationsMap pack={HOSTILE} />);
    expect(screen.getAllByText('Alibaba').length).toBeGreaterThan(0);
  });

  it('are counted as any id is, on the page, in a frame’s report and in a tab’s sum', () => {
    const matcher = compileMatcher(HOSTILE.entities);
    const shown = { watch() {}, forget() {}, isShown: () => true };
    const held = { admits: ({ lensId }: { lensId: string }) => lensId !== 'constructor', isCommonName: () => true };
    for (const gate of [{ admits: () => true, isCommonName: () => false }, held]) {
      const store = new MentionStore({ add() {}, remove() {} }, matcher.entitiesWithLaterForms, shown, gate);
      document.body.innerHTML = '<p>Alibaba opened in Hangzhou. Alibaba grew.</p>';
      scanIntoStore(document.body, matcher, store);
      const counted = gate === held ? store.unmarkedCounts() : store.counts();
      expect(parseCounts(structuredClone(counted))).toEqual(
        gate === held ? { constructor: 2 } : { constructor: 2, hangzhou: 1 },
      );
    }
    expect(parseCounts({ constructor: 2, hangzhou: 1 })).toEqual({ constructor: 2, hangzhou: 1 });
    expect(sumCounts([{ constructor: 2 }, { constructor: 1, hangzhou: 1 }])).toEqual({ constructor: 3, hangzhou: 1 });
    expect(sumCounts([{ hangzhou: 1 }]).constructor).toBeUndefined();
  });

  it('take a story choice of their own, and have none until then', () => {
    expect(storyEnabled(DEFAULT_SETTINGS, 'constructor')).toBe(true);
    const off = withStoryChoice(DEFAULT_SETTINGS, 'constructor', { enabled: false });
    expect(storyEnabled(off, 'constructor')).toBe(false);
    expect(storyEnabled(withStoryChoice(off, 'constructor', { enabled: true }), 'constructor')).toBe(true);
  });

  it('are listed in the panel with the mentions the page reported', async () => {
    await storeAddedPack(HOSTILE, installedEntry(HOSTILE, new Date('2026-12-01T00:00:00Z')));
    // Only the added story is on, so its entity is not merged into the bundled Alibaba.
    await saveSettings(
      applyPatch(
        { stories: { 'china-tech-reset': { enabled: false }, 'huawei-spying-claims-2013': { enabled: false } } },
        {},
      ),
    );
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => ({
      url: 'https://www.example.com/',
    })) as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => ({
      counts: { constructor: 2 },
      unmarked: {},
    })) as never);
    render(<PopupPanel />);
    const onPage = within(await screen.findByRole('region', { name: /^On this page/ }));
    expect(await onPage.findByRole('button', { name: 'Alibaba, 2 mentions, Firm' })).toBeTruthy();
  });
});
