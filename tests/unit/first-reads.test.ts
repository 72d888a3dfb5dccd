import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { installedEntry } from '../../engine/packs/pack-registry';
import { applyPatch } from '../../engine/settings/settings';
import { startFirstReads } from '../../platform/storage/first-reads';
import { addedPacks, bundledEntries, storeAddedPack, storeBundledNames } from '../../platform/storage/pack-store';
import { loadSettings, saveSettings } from '../../platform/storage/settings-store';
import { FIRST_READS, MATCHER_CACHE_KEY, PACK_KEYS } from '../../platform/storage/storage-keys';

const [, huawei] = BUNDLED_PACKS as [StoryPack, StoryPack];
const reader: StoryPack = { ...structuredClone(huawei), id: 'reader-story', title: 'A reader’s story' };
const mine = applyPatch({ hoverDelayMs: 700 }, { 'example.com': false });

beforeEach(() => fakeBrowser.reset());

/** Counts the gets of each storage area from now on. */
function countGets(): Record<'local' | 'sync', number> {
  const gets = { local: 0, sync: 0 };
  for (const name of ['local', 'sync'] as const) {
    const area = fakeBrowser.storage[name];
    const get = area.get.bind(area);
    vi.spyOn(area, 'get').mockImplementation((keys) => {
      gets[name]++;
      return get(keys);
    });
  }
  return gets;
}

describe('a page’s first reads', () => {
  it('ask each area for the records the registry of storage keys marks as read at every page’s start', () => {
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sync = vi.spyOn(fakeBrowser.storage.sync, 'get');
    startFirstReads();
    const keysIn = (area: string) => FIRST_READS.filter((read) => read.area === area).map((read) => read.key);
    expect(local.mock.calls).toEqual([[keysIn('local')]]);
    expect(sync.mock.calls).toEqual([[keysIn('sync')]]);
    expect(keysIn('local').length + keysIn('sync').length).toBe(FIRST_READS.length);
  });

  it('give each store what its own read gives, in one get per area', async () => {
    await saveSettings(mine);
    await storeBundledNames(BUNDLED_PACKS);
    await storeAddedPack(reader, installedEntry(reader, new Date('2026-12-01T00:00:00Z')));
    const own = { settings: await loadSettings(), bundled: await bundledEntries(), added: await addedPacks() };
    const gets = countGets();
    const first = startFirstReads();
    const settings = await loadSettings(first);
    const bundled = await bundledEntries(first);
    const added = await addedPacks(first);
    expect({ settings, bundled, added }).toEqual(own);
    // The site list lives in chunks of its own, beside the settings in sync, read in a second round trip.
    expect(gets).toEqual({ local: 1, sync: 2 });
  });

  it('give the stores’ fallbacks when nothing is stored', async () => {
    const first = startFirstReads();
    expect(await loadSettings(first)).toEqual(await loadSettings());
    expect(await bundledEntries(first)).toEqual([]);
    expect(await addedPacks(first)).toEqual({ packs: [], warnings: [] });
    expect(await first.read(MATCHER_CACHE_KEY, 'local')).toBeUndefined();
  });

  it('read afresh a record written after they began, until the caller’s own watchers hear writes', async () => {
    await saveSettings(mine);
    const first = startFirstReads();
    await saveSettings({ ...mine, hoverDelayMs: 900 });
    expect((await loadSettings(first)).value.hoverDelayMs).toBe(900);
    first.close();
    await storeAddedPack(reader, installedEntry(reader, new Date('2026-12-01T00:00:00Z')));
    // The caller's watchers report this write: the first reads keep what they read.
    expect(await addedPacks(first)).toEqual({ packs: [], warnings: [] });
    expect((await addedPacks()).packs.map((pack) => pack.id)).toEqual([reader.id]);
  });

  it('leave a failed area to the stores, which say so and use their defaults', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is off'));
    const first = startFirstReads();
    const { value, warnings } = await loadSettings(first);
    expect(value).toEqual(applyPatch({}, {}));
    expect(warnings).toEqual([{ code: 'settingsUnreadable', error: 'Error: sync is off' }]);
    expect(await first.read(PACK_KEYS.bundled, 'local')).toBeUndefined();
  });
});
