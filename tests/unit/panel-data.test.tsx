import { cleanup, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLookups, usePage, useSettings } from '../../components/panel/panel-data';
import type { TabMentions } from '../../engine/messages';
import { DEFAULT_SETTINGS } from '../../engine/settings/settings';
import { SESSION_KEYS } from '../../platform/storage/storage-keys';

const { key: LOOKUP_KEY } = SESSION_KEYS.lookup;

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const quietWarnings = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);

describe('the settings the panel and the options page read', () => {
  it('are the defaults where storage cannot be read, and the console says why', async () => {
    const refusal = new Error('Storage is unavailable.');
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(refusal);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(refusal);
    const warn = quietWarnings();
    const { result } = renderHook(() => useSettings());
    await vi.waitFor(() => expect(result.current[0]).toEqual(DEFAULT_SETTINGS));
    expect(warn).toHaveBeenCalledWith('Context Lens settings:', { code: 'settingsUnreadable', error: String(refusal) });
  });
});

describe('text the context menu leaves for the panel', () => {
  /** The panel opens while session storage refuses `method`: what it looked up, and what the console said. */
  function openWhileSessionRefuses(method: 'get' | 'remove') {
    const refusal = new Error('Session storage is unavailable.');
    vi.spyOn(fakeBrowser.storage.session, method).mockRejectedValue(refusal);
    const warn = quietWarnings();
    const onLookup = vi.fn();
    renderHook(() => useLookups(onLookup, false));
    return { refusal, warn, onLookup };
  }

  it('is looked up even where it cannot be cleared, and the console says it may come again', async () => {
    await fakeBrowser.storage.session.set({ [LOOKUP_KEY]: 'Ant Group' });
    const { refusal, warn, onLookup } = openWhileSessionRefuses('remove');
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(
        `Context Lens could not clear the text it looked up, so the next panel may look it up again: ${refusal}`,
        refusal,
      ),
    );
    expect(onLookup).toHaveBeenCalledWith('Ant Group');
  });

  it('is not looked up where session storage cannot be read, and the console says why', async () => {
    const { refusal, warn, onLookup } = openWhileSessionRefuses('get');
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(`Context Lens could not read the text to look up: ${refusal}`, refusal),
    );
    expect(onLookup).not.toHaveBeenCalled();
  });
});

describe('the page the panel shows', () => {
  const TAB = 7;
  const URL = 'https://example.com/story';

  /** Tab 7's frames: the top frame answers page-info (or, `reachable` false, nobody answers anything); the background answers with `mentions`. */
  function tabWith(mentions: TabMentions, reachable = true) {
    const told: { tabId: number; message: unknown; frameId: number | undefined }[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
      tabId: number,
      message: { type: string },
      options?: { frameId?: number },
    ) => {
      told.push({ tabId, message, frameId: options?.frameId });
      if (!reachable) throw new Error('Could not establish connection. Receiving end does not exist.');
      // As a browser says when every frame heard the message and none answered.
      if (message.type !== 'page-info') throw new Error('The message port closed before a response was received.');
      return { url: URL };
    }) as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => mentions) as never);
    const listUnmarkedAsks = () => told.filter(({ message }) => (message as { type: string }).type === 'list-unmarked');
    return { listUnmarkedAsks };
  }

  beforeEach(() => history.replaceState(null, '', `/popup.html?tab=${TAB}`));

  it('asks every frame of the tab for the common names it left unmarked, and carries them when ready', async () => {
    const { listUnmarkedAsks } = tabWith({ counts: { huawei: 2 }, unmarked: { australia: 34 } });
    const { result } = renderHook(() => usePage());
    await vi.waitFor(() =>
      expect(result.current.page).toEqual({
        status: 'ready',
        url: URL,
        counts: { huawei: 2 },
        unmarked: { australia: 34 },
        partial: false,
      }),
    );
    // No frame id: the browser gives it to every frame.
    expect(listUnmarkedAsks()).toEqual([{ tabId: TAB, message: { type: 'list-unmarked' }, frameId: undefined }]);
  });

  it('asks again once a navigation in the tab is done', async () => {
    const { listUnmarkedAsks } = tabWith({ counts: {}, unmarked: {} });
    const { result } = renderHook(() => usePage());
    await vi.waitFor(() => expect(result.current.page.status).toBe('ready'));
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'loading' }, { id: TAB } as never);
    expect(listUnmarkedAsks()).toHaveLength(1);
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'complete' }, { id: TAB } as never);
    expect(listUnmarkedAsks()).toHaveLength(2);
  });

  it('reads the page again when a frame reports the names it left unmarked', async () => {
    const mentions: TabMentions = { counts: { huawei: 2 }, unmarked: {} };
    tabWith(mentions);
    const { result } = renderHook(() => usePage());
    await vi.waitFor(() => expect(result.current.page.status).toBe('ready'));
    mentions.unmarked = { australia: 3 };
    await fakeBrowser.storage.session.set({ [SESSION_KEYS.frameUnmarked.key(TAB, 4)]: { australia: 3 } });
    await vi.waitFor(() => expect(result.current.page).toMatchObject({ unmarked: { australia: 3 } }));
  });

  it('shows a tab where no content script runs as unreadable, and says nothing of it', async () => {
    const warn = quietWarnings();
    const error = vi.spyOn(console, 'error');
    const { listUnmarkedAsks } = tabWith({ counts: {}, unmarked: {} }, false);
    const { result } = renderHook(() => usePage());
    await vi.waitFor(() => expect(result.current.page.status).toBe('unavailable'));
    expect(listUnmarkedAsks()).toHaveLength(1);
    // The refused asks settle before the test ends, so an unhandled one would fail the run.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});
