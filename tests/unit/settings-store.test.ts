import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyPatch, DEFAULT_SETTINGS } from '../../engine/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '../../platform/storage/settings-store';
import { SETTINGS_KEYS } from '../../platform/storage/storage-keys';

const { record, area: marker, siteChunk } = SETTINGS_KEYS;

beforeEach(() => {
  fakeBrowser.reset();
});

const mine = applyPatch({ enabled: true, hoverDelayMs: 700 }, { 'example.com': false, 'news.example.com': true });

describe('settings storage', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual({ value: DEFAULT_SETTINGS, warnings: [] });
  });

  it('reads in one round trip, the area marker beside both records, while a page loads', async () => {
    await saveSettings(applyPatch({ hoverDelayMs: 450 }, {}));
    // Each read resolves only once every read has begun: reads one after another would never resolve.
    let begun = 0;
    const allBegun = new Promise<void>((resolve) => {
      for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.sync]) {
        const get = area.get.bind(area);
        vi.spyOn(area, 'get').mockImplementation(async (keys) => {
          if (++begun === 3) resolve();
          await allBegun;
          return get(keys);
        });
      }
    });
    expect((await loadSettings()).value).toEqual(applyPatch({ hoverDelayMs: 450 }, {}));
    expect(begun).toBe(3);
  });

  it('saves to storage.sync only what changed, and reads it back', async () => {
    await saveSettings(mine);
    const sync = await fakeBrowser.storage.sync.get(null);
    expect(sync[record.key]).toEqual({ version: 1, patch: { hoverDelayMs: 700 }, siteChunks: 1 });
    // The version is in the record: nothing is written under WXT's private meta key.
    expect(Object.keys(sync).filter((key) => key.endsWith('$'))).toEqual([]);
    expect(await fakeBrowser.storage.local.get(record.key)).toEqual({});
    expect(await loadSettings()).toEqual({ value: mine, warnings: [] });
  });

  it('removes chunks the site list no longer needs', async () => {
    const many = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`site${i}.example.test`, false]));
    await saveSettings(applyPatch({}, many));
    expect(
      Object.keys(await fakeBrowser.storage.sync.get(null)).filter((k) => siteChunk.matches(k)).length,
    ).toBeGreaterThan(1);
    await saveSettings(applyPatch({}, { 'example.com': false }));
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).filter((k) => siteChunk.matches(k))).toEqual([
      siteChunk.key(0),
    ]);
    expect((await loadSettings()).value.sites).toEqual({ 'example.com': false });
  });

  it('falls back to storage.local when sync refuses the write, and returns to sync later', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const refuse = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await saveSettings(mine);
    expect(warn).toHaveBeenCalled();
    expect((await fakeBrowser.storage.local.get(marker.key))[marker.key]).toBe('local');
    expect(await loadSettings()).toEqual({ value: mine, warnings: [] });

    refuse.mockRestore();
    const later = { ...mine, hoverDelayMs: 900 };
    await saveSettings(later);
    expect((await fakeBrowser.storage.local.get(marker.key))[marker.key]).toBe('sync');
    expect(await fakeBrowser.storage.local.get(record.key)).toEqual({});
    expect((await loadSettings()).value).toEqual(later);
  });

  it('works where storage.sync is switched off altogether, as Firefox allows: local holds the settings', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const off = new Error('Sync is disabled');
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(off);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(off);

    const first = await loadSettings();
    expect(first.value).toEqual(DEFAULT_SETTINGS);
    expect(first.warnings).toHaveLength(1);

    await saveSettings(mine);
    expect(warn).toHaveBeenCalled();
    expect(await loadSettings()).toEqual({ value: mine, warnings: [] });
  });

  it('turns damaged data into defaults plus warnings, keeping every valid part', async () => {
    await fakeBrowser.storage.sync.set({
      [record.key]: { patch: { enabled: 'maybe', hoverDelayMs: 800, extra: 1 }, siteChunks: 3 },
      [siteChunk.key(0)]: '-example.com +news.example.com ~junk',
      [siteChunk.key(1)]: 12,
    });
    const { value, warnings } = await loadSettings();
    expect(value).toEqual(applyPatch({ hoverDelayMs: 800 }, { 'example.com': false, 'news.example.com': true }));
    expect(warnings.length).toBeGreaterThanOrEqual(3);
  });

  it.each([['a string'], [[1, 2]], [42]])(
    'reads %j stored as settings as the defaults, with a warning',
    async (junk) => {
      await fakeBrowser.storage.sync.set({ [record.key]: junk });
      const { value, warnings } = await loadSettings();
      expect(value).toEqual(DEFAULT_SETTINGS);
      expect(warnings.length).toBeGreaterThan(0);
    },
  );

  it('says so when a newer version saved the settings, and keeps what it understands', async () => {
    await fakeBrowser.storage.sync.set({
      [record.key]: { version: 7, patch: { hoverDelayMs: 450 }, siteChunks: 0 },
    });
    const { value, warnings } = await loadSettings();
    expect(value.hoverDelayMs).toBe(450);
    expect(warnings).toEqual([{ code: 'settingsNewer', version: 7 }]);
  });

  it('reads a record written before the version moved into it as version 1', async () => {
    await fakeBrowser.storage.sync.set({
      [record.key]: { patch: { hoverDelayMs: 450 }, siteChunks: 0 },
      // WXT's meta record beside it, which builds of that time wrote.
      [`${record.key}$`]: { v: 1 },
    });
    expect(await loadSettings()).toEqual({ value: applyPatch({ hoverDelayMs: 450 }, {}), warnings: [] });
  });

  it('tells watchers about a save made elsewhere', async () => {
    const seen: number[] = [];
    const stop = watchSettings(({ value }) => seen.push(value.hoverDelayMs));
    await saveSettings({ ...mine, hoverDelayMs: 1200 });
    await vi.waitFor(() => expect(seen).toContain(1200));
    stop();
    await saveSettings({ ...mine, hoverDelayMs: 1300 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).not.toContain(1300);
  });
});
