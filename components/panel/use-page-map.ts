import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type MapMention, PAGE_MAP_PORT, parseFromPageMap, type ToPageMap } from '../../engine/messages';

/** The page's mentions in reading order, as its top frame last sent them, and which are on screen. */
export interface PageMapState {
  version: number;
  mentions: readonly MapMention[];
  /** How many the page has; the map lists the first MAX_MAP_MENTIONS. */
  total: number;
  /** Places in `mentions` of those on screen now. */
  inView: ReadonlySet<number>;
}

/**
 * The page map of the tab's page, kept live over a port to its top frame
 * while `page` names a page being highlighted (its address, or null). A new
 * page, or a page that stops being highlighted, ends the port; the content
 * script then stops following the view, so a closed panel costs the page
 * nothing.
 */
export function usePageMap(
  tabId: number | undefined,
  page: string | null,
): { map: PageMapState | null; reveal(index: number): void } {
  const [map, setMap] = useState<PageMapState | null>(null);
  const port = useRef<{ postMessage(message: ToPageMap): void } | null>(null);
  useEffect(() => {
    setMap(null);
    if (tabId === undefined || page === null) return;
    let connected: ReturnType<typeof browser.tabs.connect>;
    try {
      connected = browser.tabs.connect(tabId, { name: PAGE_MAP_PORT, frameId: 0 });
    } catch {
      return;
    }
    port.current = connected;
    connected.onMessage.addListener((raw: unknown) => {
      const message = parseFromPageMap(raw);
      if (message?.type === 'map') {
        setMap({ version: message.version, mentions: message.mentions, total: message.total, inView: new Set() });
      } else if (message?.type === 'in-view') {
        setMap((shown) =>
          shown !== null && shown.version === message.version ? { ...shown, inView: new Set(message.indices) } : shown,
        );
      }
    });
    connected.onDisconnect.addListener(() => {
      if (port.current === connected) port.current = null;
      setMap(null);
    });
    return () => {
      if (port.current === connected) port.current = null;
      connected.disconnect();
    };
  }, [tabId, page]);
  const version = map?.version;
  const reveal = useCallback(
    (index: number) => {
      if (version !== undefined) port.current?.postMessage({ type: 'reveal-mention', version, index });
    },
    [version],
  );
  return { map, reveal };
}
