import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lookUpSelection } from '../../background/lookup-menu';
import { forgetTab, saveFrameMentions } from '../../background/tab-mentions';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { compileMatcher } from '../../engine/matcher/matcher';
import { installedEntry } from '../../engine/packs/pack-registry';
import { applyPatch } from '../../engine/settings/settings';
import { firstMatcherCache } from '../../platform/storage/first-matcher-cache';
import { startFirstReads } from '../../platform/storage/first-reads';
import { removeAddedPack, storeAddedPack, storeBundledNames } from '../../platform/storage/pack-store';
import { saveSettings } from '../../platform/storage/settings-store';
import { SESSION_KEYS, STORAGE_KEYS, type StorageArea } from '../../platform/storage/storage-keys';
import { BUNDLED_ENTITIES } from '../bundled-stories';

const [china, huawei] = BUNDLED_PACKS as [StoryPack, StoryPack];
const reader: StoryPack = { ...structuredClone(huawei), id: 'reader-story', title: 'A reader’s story' };
const entryOf = (pack: StoryPack) => installedEntry(pack, new Date('2026-12-01T00:00:00Z'));
const manySites = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`site${i}.example.test`, false]));

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('requestIdleCallback', (keep: () => void) => setTimeout(keep, 0));
  vi.spyOn(fakeBrowser.action, 'openPopup').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Lens', version: '1.0' });
});

/** Every key each store writes or removes, with its area, as storage reports the change. */
async function keysWritten(): Promise<[StorageArea, string][]> {
  const written: [StorageArea, string][] = [];
  fakeBrowser.storage.onChanged.addListener((changes, area) => {
    for (const key of Object.keys(changes)) written.push([area as StorageArea, key]);
  });
  // Settings: in sync, with the site rules in chunks; in local while sync refuses them; back in sync.
  await saveSettings(applyPatch({ hoverDelayMs: 700 }, manySites));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const refuse = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
  await saveSettings(applyPatch({ hoverDelayMs: 800 }, manySites));
  refuse.mockRestore();
  await saveSettings(applyPatch({}, {}));
  // Packs: the bundled names, a reader's own pack added and removed, and a copy under a bundled id
  // (as an older version let a file store one) taken out when the bundled names are written.
  await storeBundledNames(BUNDLED_PACKS);
  await storeAddedPack(reader, entryOf(reader));
  await removeAddedPack(reader.id);
  await storeAddedPack({ ...china, version: '9.0.0' }, entryOf({ ...china, version: '9.0.0' }));
  await storeBundledNames(BUNDLED_PACKS);
  // The first highlights' compiled names, kept in the page's idle time.
  const before = written.length;
  firstMatcherCache(startFirstReads()).remember('key', { matcher: compileMatcher(BUNDLED_ENTITIES), entities: [] });
  await vi.waitFor(() => expect(written.length).toBeGreaterThan(before));
  // The background's: a frame's mention counts, marked and unmarked, and text the context menu leaves for the panel.
  await saveFrameMentions(7, 2, { alibaba: 1 }, { australia: 2 });
  await forgetTab(7);
  await lookUpSelection('context-lens-lookup', 'Alibaba');
  return written;
}

/** An entry as a message names it: its key, or a key of its family. */
const keyOf = (entry: (typeof STORAGE_KEYS)[number]): string => {
  const { key } = entry as unknown as { key: string | ((...parts: string[]) => string) };
  return typeof key === 'string' ? key : key('*', '*');
};

describe('the registry of storage keys', () => {
  it('holds every key a store writes, each in an area the registry gives it, and only one entry matches it', async () => {
    const written = await keysWritten();
    expect(written.length).toBeGreaterThan(10);
    for (const [area, key] of written) {
      const entries = STORAGE_KEYS.filter((entry) => entry.areas.includes(area) && entry.matches(key));
      expect(entries, `${area}:${key}`).toHaveLength(1);
    }
  });

  it('holds no entry, and no area of one, that no store writes', async () => {
    const written = await keysWritten();
    for (const entry of STORAGE_KEYS) {
      for (const area of entry.areas) {
        expect(
          written.some(([a, key]) => a === area && entry.matches(key)),
          `${area}:${keyOf(entry)}`,
        ).toBe(true);
      }
    }
  });
});

describe('the frame counts’ keys', () => {
  const { frameMentions, frameUnmarked } = SESSION_KEYS;

  it.each([
    ['marked', frameMentions],
    ['unmarked', frameUnmarked],
  ])('keep each frame’s %s counts under a key of its tab, and of no other tab', (_, family) => {
    expect(family.key(7, 0).startsWith(family.ofTab(7))).toBe(true);
    expect(family.key(17, 0).startsWith(family.ofTab(1))).toBe(false);
    expect(family.matches(family.key(3, 2))).toBe(true);
  });

  it('keep a frame’s marked and unmarked counts apart', () => {
    expect(frameMentions.matches(frameUnmarked.key(3, 2))).toBe(false);
    expect(frameUnmarked.matches(frameMentions.key(3, 2))).toBe(false);
  });
});
