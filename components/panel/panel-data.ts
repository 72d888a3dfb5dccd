import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type MentionCounts, parsePageInfo, parseTabMentions } from '../../engine/messages';
import type { Settings } from '../../engine/settings/settings';
import { logFailure, warnFailure } from '../../platform/log-failure';
import { sendToBackground, sendToTab, tellEveryFrame } from '../../platform/send-message';
import { loadSettings, saveSettings, watchSettings } from '../../platform/storage/settings-store';
import { SESSION_KEYS } from '../../platform/storage/storage-keys';

/**
 * Where the panel's page stands: still asking, a page we cannot run on, or
 * read: its marked mentions (`counts`), and the shown mentions of common
 * names it left unmarked (`unmarked`).
 */
export type PageState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; url: string; counts: MentionCounts; unmarked: MentionCounts; partial: boolean };

/** The tab named by `?tab=`, when the panel is opened as a page of its own for one tab (in a tab, or by tests). */
function namedTabId(): number | undefined {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isSafeInteger(named) && named > 0 ? named : undefined;
}

/** The active tab of the panel's window. */
async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function readPage(tabId: number): Promise<PageState> {
  // The top frame's content script answers for the tab; where none runs, the browser keeps us out.
  const info = parsePageInfo(await sendToTab(tabId, 0, { type: 'page-info' }).catch(() => null));
  if (info === null) return { status: 'unavailable' };
  const mentions = parseTabMentions(await sendToBackground({ type: 'tab-mentions', tabId }));
  return mentions === null
    ? { status: 'unavailable' }
    : { status: 'ready', url: info.url, ...mentions, partial: info.partial };
}

/**
 * A page lists its unmarked common names only in the text it read; asked,
 * its frames read what they only surveyed too, and report them all. A page
 * no panel looks at never pays for it.
 */
function listUnmarked(tabId: number): void {
  tellEveryFrame(tabId, { type: 'list-unmarked' });
}

/**
 * The tab and what its page holds, kept current while the panel is open. A
 * panel named for a tab stays with it; otherwise it follows its window's
 * active tab, as a side panel that stays open beside the pages must.
 */
export function usePage(): { tabId: number | undefined; page: PageState } {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let id: number | undefined;
    const refresh = () => {
      const reading = id;
      if (reading === undefined) return;
      // A read for a tab the panel has left since is dropped.
      readPage(reading).then(
        (state) => live && id === reading && setPage(state),
        () => live && id === reading && setPage({ status: 'unavailable' }),
      );
    };
    const show = (found: number | undefined) => {
      if (!live || (found !== undefined && found === id)) return;
      id = found;
      setTabId(found);
      setPage(found === undefined ? { status: 'unavailable' } : { status: 'loading' });
      if (found !== undefined) listUnmarked(found);
      refresh();
    };
    // Another tab brought to the front: asked again, since the event may come from another window.
    // Only the latest ask counts: an earlier answer that arrives late names a tab already left.
    let asks = 0;
    const follow = () => {
      const ask = ++asks;
      activeTabId().then(
        (found) => ask === asks && show(found),
        () => ask === asks && show(undefined),
      );
    };
    const named = namedTabId();
    if (named === undefined) {
      follow();
      browser.tabs.onActivated.addListener(follow);
    } else {
      show(named);
    }
    // A navigation in the tab: its new page is read once loaded; the old one's state is gone at once.
    const onUpdated = (updated: number, change: { status?: string }) => {
      if (updated !== id || change.status === undefined) return;
      if (change.status === 'loading') {
        setPage({ status: 'loading' });
        return;
      }
      listUnmarked(updated);
      refresh();
    };
    // Frames report their counts, marked and unmarked, into session storage; a change there means the page changed.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'session' || id === undefined) return;
      const prefixes = [SESSION_KEYS.frameMentions.ofTab(id), SESSION_KEYS.frameUnmarked.ofTab(id)];
      if (Object.keys(changes).some((key) => prefixes.some((prefix) => key.startsWith(prefix)))) refresh();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(follow);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return { tabId, page };
}

/**
 * The reader's settings, kept current, a way to change them, and why the
 * last change could not be kept (null when it was). A change shows at once;
 * when storage refuses it, nothing was stored, so the settings go back to
 * what is stored and the reason is given.
 */
export function useSettings(): [Settings | null, (next: Settings) => void, string | null] {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveFailure, setSaveFailure] = useState<string | null>(null);
  useEffect(() => {
    // What it could not read comes back as warnings, and the defaults in its place.
    logFailure(
      loadSettings().then(({ value, warnings }) => {
        for (const warning of warnings) console.warn('Context Lens settings:', warning);
        setSettings(value);
      }),
      'read its settings',
    );
    return watchSettings(({ value }) => setSettings(value));
  }, []);
  const save = useCallback((next: Settings) => {
    setSettings(next);
    setSaveFailure(null);
    saveSettings(next).catch((error: unknown) => {
      setSaveFailure(error instanceof Error ? error.message : String(error));
      logFailure(
        loadSettings().then(({ value }) => setSettings(value)),
        'read its settings',
      );
    });
  }, []);
  return [settings, save, saveFailure];
}

/**
 * Text to look up: from `?q=` when the panel opens, or left by the context
 * menu, taken once. A panel that stays open beside the page (`live`) also
 * takes what the context menu leaves while it is open; the toolbar popup
 * closes before a reader can use the menu.
 */
export function useLookups(onLookup: (text: string) => void, live: boolean): void {
  useEffect(() => {
    const fromUrl = new URLSearchParams(location.search).get('q');
    if (fromUrl !== null && fromUrl.trim() !== '') {
      onLookup(fromUrl);
      return;
    }
    const take = (text: unknown) => {
      if (typeof text !== 'string' || text.trim() === '') return;
      browser.storage.session
        .remove(SESSION_KEYS.lookup.key)
        .catch((error: unknown) =>
          warnFailure('clear the text it looked up, so the next panel may look it up again', error),
        );
      onLookup(text);
    };
    browser.storage.session.get(SESSION_KEYS.lookup.key).then(
      (stored) => take(stored[SESSION_KEYS.lookup.key]),
      (error: unknown) => warnFailure('read the text to look up', error),
    );
    if (!live) return;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && SESSION_KEYS.lookup.key in changes) take(changes[SESSION_KEYS.lookup.key]?.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [onLookup, live]);
}
