import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LOOKUP_KEY, type MentionCounts, parseCounts, parsePageInfo, tabMentionsPrefix } from '../engine/messages';
import type { Settings } from '../engine/settings';
import { sendToBackground, sendToTab } from '../messaging/send-message';
import { loadSettings, saveSettings, watchSettings } from '../settings/settings-store';

/** Where the panel's page stands: still asking, a page we cannot run on, or read. */
export type PageState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; url: string; counts: MentionCounts; partial: boolean };

/**
 * The tab the panel describes: the active one, or the one named by `?tab=`
 * when the panel is opened as a page of its own (in a tab, or by tests).
 */
async function targetTabId(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isSafeInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function readPage(tabId: number): Promise<PageState> {
  // The top frame's content script answers for the tab; where none runs, the browser keeps us out.
  const info = parsePageInfo(await sendToTab(tabId, 0, { type: 'page-info' }).catch(() => null));
  if (info === null) return { status: 'unavailable' };
  const counts = parseCounts(await sendToBackground({ type: 'tab-mentions', tabId }));
  return counts === null
    ? { status: 'unavailable' }
    : { status: 'ready', url: info.url, counts, partial: info.partial };
}

/** The tab and what its page holds, kept current while the panel is open. */
export function usePage(): { tabId: number | undefined; page: PageState } {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let id: number | undefined;
    const refresh = () => {
      if (id === undefined) return;
      readPage(id).then(
        (state) => live && setPage(state),
        () => live && setPage({ status: 'unavailable' }),
      );
    };
    targetTabId().then(
      (found) => {
        id = found;
        setTabId(found);
        if (found === undefined) setPage({ status: 'unavailable' });
        refresh();
      },
      () => setPage({ status: 'unavailable' }),
    );
    // Frames report their counts into session storage; a change there means the page changed.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'session' || id === undefined) return;
      const prefix = tabMentionsPrefix(id);
      if (Object.keys(changes).some((key) => key.startsWith(prefix))) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return { tabId, page };
}

/** The reader's settings, kept current, and a way to change them. */
export function useSettings(): [Settings | null, (next: Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    loadSettings().then(({ value }) => setSettings(value));
    return watchSettings(({ value }) => setSettings(value));
  }, []);
  const save = useCallback((next: Settings) => {
    setSettings(next);
    saveSettings(next).catch((error: unknown) => console.warn('Context Lens could not save settings:', error));
  }, []);
  return [settings, save];
}

/** Text to look up when the panel opens: from `?q=`, or left by the context menu (taken once). */
export function useInitialLookup(onLookup: (text: string) => void): void {
  useEffect(() => {
    const fromUrl = new URLSearchParams(location.search).get('q');
    if (fromUrl !== null && fromUrl.trim() !== '') {
      onLookup(fromUrl);
      return;
    }
    browser.storage.session.get(LOOKUP_KEY).then((stored) => {
      const text = stored[LOOKUP_KEY];
      if (typeof text !== 'string' || text.trim() === '') return;
      void browser.storage.session.remove(LOOKUP_KEY);
      onLookup(text);
    });
  }, [onLookup]);
}
