import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupPanel } from '../../components/panel/popup-panel';
import type { MentionCounts } from '../../engine/messages';
import { applyPatch } from '../../engine/settings/settings';
import { loadSettings, saveSettings } from '../../platform/storage/settings-store';
import { SESSION_KEYS } from '../../platform/storage/storage-keys';

const TAB = 7;
const { key: LOOKUP_KEY } = SESSION_KEYS.lookup;

/** The panel's list of what the page mentions (the story's pictures name entities too). */
const onPage = () => within(screen.getByRole('region', { name: /^On this page/ }));

/**
 * A tab whose top frame answers with `url` (or nobody answers), whose frames marked `counts` and left
 * `unmarked` unmarked; what the panel tells the tab's frames is kept in the list returned.
 */
function tabShows(url: string | null, counts: MentionCounts = {}, unmarked: MentionCounts = {}) {
  const told: unknown[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
    tabId: number,
    message: unknown,
    options?: { frameId?: number },
  ) => {
    told.push({ tabId, message, frameId: options?.frameId });
    if (url === null) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { url };
  }) as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => ({ counts, unmarked })) as never);
  return told;
}

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', `/popup.html?tab=${TAB}`);
});

afterEach(cleanup);

describe('PopupPanel', () => {
  it('says plainly that it cannot read a browser page, and search still works', async () => {
    tabShows(null);
    render(<PopupPanel />);
    expect(await screen.findByText(/Context Lens can’t read this page/)).toBeTruthy();
    expect(screen.queryByRole('switch', { name: /^Highlight on/ })).toBeNull();
    // Focus starts in the search box, so a reader can type at once.
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Search the stories' }));
  });

  it('lists the page’s mentions under the site switch', async () => {
    tabShows('https://www.example.com/story', { alibaba: 3, hangzhou: 1 });
    render(<PopupPanel />);
    expect(await screen.findByRole('button', { name: 'Alibaba, 3 mentions, Firm' })).toBeTruthy();
    expect(await screen.findByRole('switch', { name: 'Highlight on example.com' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'On this page · 4 mentions' })).toBeTruthy();
  });

  it('says when the page names nothing of the stories', async () => {
    tabShows('https://example.com/');
    render(<PopupPanel />);
    expect(await screen.findByText('None of the stories’ names appear on this page.')).toBeTruthy();
  });

  it('lists a story’s common names the page left unmarked, and marks them in every frame on request', async () => {
    const told = tabShows('https://example.com/', { huawei: 2 }, { britain: 16, australia: 34 });
    render(<PopupPanel />);
    const spying = await onPage().findByRole('region', { name: 'Huawei and the spying claims of 2013 · 2 mentions' });
    expect(within(spying).getByText(/^Also named here, not marked:/).textContent).toBe(
      'Also named here, not marked: Australia (34), Britain (16)',
    );
    fireEvent.click(within(spying).getByRole('button', { name: 'Mark them on this page' }));
    expect(told).toContainEqual({
      tabId: TAB,
      message: { type: 'mark-story', packId: 'huawei-spying-claims-2013' },
      frameId: undefined,
    });
  });

  it('shows a page with only unmarked names as one with nothing marked, and lists them', async () => {
    tabShows('https://example.com/', {}, { australia: 3 });
    render(<PopupPanel />);
    const spying = await onPage().findByRole('region', { name: 'Huawei and the spying claims of 2013 · 0 mentions' });
    expect(within(spying).getByText('None of its names are marked on this page.')).toBeTruthy();
    expect(within(spying).getByText('Also named here, not marked: Australia (3)')).toBeTruthy();
    expect(screen.queryByText('None of the stories’ names appear on this page.')).toBeNull();
  });

  it('switches a story off for every page from its switch, and keeps it listed', async () => {
    tabShows('https://example.com/', { huawei: 2 });
    render(<PopupPanel />);
    const story = await screen.findByRole('switch', { name: 'Highlight “Huawei and the spying claims of 2013”' });
    fireEvent.click(story);
    expect(await screen.findByRole('region', { name: 'Huawei and the spying claims of 2013 · off' })).toBeTruthy();
    // The switch answers at once; the save that follows takes a few reads and writes.
    await vi.waitFor(async () =>
      expect((await loadSettings()).value.stories).toEqual({ 'huawei-spying-claims-2013': { enabled: false } }),
    );
  });

  it('says so when storage refuses the site switch, and shows the site as it still is', async () => {
    tabShows('https://example.com/', { alibaba: 1 });
    render(<PopupPanel />);
    const site = (await screen.findByRole('switch', { name: 'Highlight on example.com' })) as HTMLInputElement;
    const full = new Error('QUOTA_BYTES quota exceeded');
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(full);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(full);
    fireEvent.click(site);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your change could not be saved, so nothing changed: QUOTA_BYTES quota exceeded',
    );
    await vi.waitFor(() => expect(site.checked).toBe(true));
    expect((await loadSettings()).value.sites).toEqual({});
  });

  it('shows the count as paused where the site is switched off', async () => {
    await saveSettings(applyPatch({}, { 'example.com': false }));
    tabShows('https://news.example.com/', {});
    render(<PopupPanel />);
    expect(await screen.findByText(/Highlighting is paused on news.example.com/)).toBeTruthy();
    expect(((await screen.findByRole('switch', { name: /^Highlight on/ })) as HTMLInputElement).checked).toBe(false);
  });

  it('gives local files one switch of their own, and stores it for every local file', async () => {
    tabShows('file:///home/reader/saved/story.html', { alibaba: 1 });
    render(<PopupPanel />);
    const local = (await screen.findByRole('switch', { name: 'Highlight on local files' })) as HTMLInputElement;
    expect(local.checked).toBe(true);
    fireEvent.click(local);
    await vi.waitFor(async () => expect((await loadSettings()).value.sites).toEqual({ 'file://': false }));
    expect(await screen.findByText(/Highlighting is paused on local files/)).toBeTruthy();
  });

  it('gives Escape one meaning at a time: clear the search in its box, else step back', async () => {
    tabShows('https://example.com/', { alibaba: 1 });
    render(<PopupPanel />);
    const box = screen.getByRole('combobox', { name: 'Search the stories' }) as HTMLInputElement;
    fireEvent.input(box, { target: { value: 'hangzhou' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByRole('region', { name: /^Hangzhou/ })).toBeTruthy();
    // In the search box, Escape clears the search and leaves the story open.
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box.value).toBe('');
    expect(screen.getByRole('region', { name: /^Hangzhou/ })).toBeTruthy();
    // Once it is empty, Escape there does nothing more.
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.getByRole('region', { name: /^Hangzhou/ })).toBeTruthy();
    // Anywhere else, it steps back: to the entity before, then to the page.
    fireEvent.click(screen.getByRole('button', { name: 'Home to Alibaba' }));
    expect(await screen.findByRole('region', { name: /^Alibaba/ })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(await screen.findByRole('region', { name: /^Hangzhou/ })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(await screen.findByRole('region', { name: /^On this page/ })).toBeTruthy();
  });

  it('opens with the text the context menu left, searched', async () => {
    await fakeBrowser.storage.session.set({ [LOOKUP_KEY]: 'jack mah' });
    tabShows('https://example.com/');
    render(<PopupPanel />);
    expect((await screen.findAllByRole('option'))[0]?.textContent).toContain('Jack Ma');
    expect(await fakeBrowser.storage.session.get(LOOKUP_KEY)).toEqual({});
  });
});

describe('PopupPanel beside the page (the side panel)', () => {
  /** Tabs whose top frames answer with their pages' addresses, each page with its counts; `active` is in front. */
  function tabsShow(pages: Record<number, { url: string; counts: MentionCounts }>, active: { id: number }) {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: active.id }]) as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number) => {
      const page = pages[tabId];
      if (page === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { url: page.url };
    }) as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { tabId: number }) => {
      return { counts: pages[message.tabId]?.counts ?? {}, unmarked: {} };
    }) as never);
  }

  it('follows its window’s active tab when no tab is named', async () => {
    history.replaceState(null, '', '/sidepanel.html');
    const active = { id: 7 };
    tabsShow(
      {
        7: { url: 'https://a.example/', counts: { alibaba: 2 } },
        8: { url: 'https://b.example/', counts: { hangzhou: 1 } },
      },
      active,
    );
    render(<PopupPanel />);
    expect(await screen.findByRole('switch', { name: 'Highlight on a.example' })).toBeTruthy();
    active.id = 8;
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 8, windowId: 1 });
    expect(await screen.findByRole('switch', { name: 'Highlight on b.example' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: /^Hangzhou, 1 mention\b/ })).toBeTruthy();
    expect(onPage().queryByRole('button', { name: /^Alibaba/ })).toBeNull();
  });

  it('keeps the tab brought to the front when the first ask for the active tab answers late', async () => {
    history.replaceState(null, '', '/sidepanel.html');
    tabsShow(
      {
        7: { url: 'https://a.example/', counts: { alibaba: 2 } },
        8: { url: 'https://b.example/', counts: { hangzhou: 1 } },
      },
      { id: 8 },
    );
    let answerFirst: (tabs: { id: number }[]) => void = () => undefined;
    vi.spyOn(fakeBrowser.tabs, 'query')
      .mockImplementationOnce((() => new Promise((resolve) => (answerFirst = resolve))) as never)
      .mockImplementation((async () => [{ id: 8 }]) as never);
    render(<PopupPanel />);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 8, windowId: 1 });
    expect(await screen.findByRole('switch', { name: 'Highlight on b.example' })).toBeTruthy();
    await act(async () => answerFirst([{ id: 7 }]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole('switch', { name: 'Highlight on b.example' })).toBeTruthy();
  });

  it('stays with the tab it was opened for', async () => {
    const active = { id: 8 };
    tabsShow({ 7: { url: 'https://a.example/', counts: { alibaba: 2 } } }, active);
    render(<PopupPanel />);
    expect(await screen.findByRole('switch', { name: 'Highlight on a.example' })).toBeTruthy();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 8, windowId: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole('switch', { name: 'Highlight on a.example' })).toBeTruthy();
  });

  it('reads the tab’s new page once a navigation in it is done', async () => {
    const pages = { 7: { url: 'https://a.example/', counts: { alibaba: 2 } as MentionCounts } };
    tabsShow(pages, { id: 7 });
    render(<PopupPanel />);
    expect(await screen.findByRole('button', { name: /^Alibaba, 2 mentions\b/ })).toBeTruthy();
    pages[7] = { url: 'https://c.example/next', counts: { xiaomi: 3 } };
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, { id: 7 } as never);
    await vi.waitFor(() => expect(onPage().queryByRole('button', { name: /^Alibaba/ })).toBeNull());
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, { id: 7 } as never);
    expect(await screen.findByRole('button', { name: /^Xiaomi, 3 mentions\b/ })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Highlight on c.example' })).toBeTruthy();
  });

  it('searches what the context menu looks up while it stays open, and takes it once', async () => {
    history.replaceState(null, '', '/sidepanel.html');
    tabsShow({ 7: { url: 'https://a.example/', counts: {} } }, { id: 7 });
    render(<PopupPanel beside />);
    expect(await screen.findByRole('switch', { name: 'Highlight on a.example' })).toBeTruthy();
    await fakeBrowser.storage.session.set({ [LOOKUP_KEY]: 'xiaomi' });
    await vi.waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Search the stories' }).value).toBe('xiaomi'),
    );
    await vi.waitFor(() => expect(screen.getAllByRole('option')[0]?.textContent).toMatch(/^Xiaomi/));
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get(LOOKUP_KEY)).toEqual({}));
  });

  it('maps the page’s mentions in reading order, marks those in view, and shows one on request', async () => {
    tabsShow({ 7: { url: 'https://a.example/', counts: { alibaba: 2, hangzhou: 1 } } }, { id: 7 });
    const port = fakePort();
    const connect = vi.spyOn(fakeBrowser.tabs, 'connect').mockReturnValue(port.end as never);
    render(<PopupPanel beside />);
    await vi.waitFor(() => expect(connect).toHaveBeenCalledWith(7, { name: 'context-lens:page-map', frameId: 0 }));
    const mention = (lensId: string, text: string) => ({ lensId, before: 'in ', text, after: ' today' });
    port.send({
      type: 'map',
      version: 1,
      mentions: [mention('alibaba', 'Alibaba'), mention('hangzhou', 'Hangzhou'), mention('alibaba', 'Alibaba’s')],
      total: 3,
    });
    const map = await screen.findByRole('region', { name: /^Page map/ });
    const items = () =>
      [...map.querySelectorAll('li button')].map((button) => button.getAttribute('aria-describedby') && button);
    expect(items()).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Alibaba, firm, 1 of 2' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hangzhou, city, 1 of 1' })).toBeTruthy();
    const second = screen.getByRole('button', { name: 'Alibaba, firm, 2 of 2' });
    expect(second.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(second.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'in Alibaba’s today',
    );

    port.send({ type: 'in-view', version: 1, indices: [1, 2] });
    expect(await screen.findByRole('button', { name: 'Alibaba, firm, 2 of 2, in view' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hangzhou, city, 1 of 1, in view' })).toBeTruthy();
    expect(map.querySelector('h2')?.textContent).toBe('Page map · 2 of 3 in view');
    // A report for a list since replaced is dropped.
    port.send({ type: 'in-view', version: 0, indices: [0] });
    expect(screen.queryByRole('button', { name: 'Alibaba, firm, 1 of 2, in view' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Alibaba, firm, 2 of 2, in view' }));
    expect(port.posted).toEqual([{ type: 'reveal-mention', version: 1, index: 2 }]);
  });

  it('drops the map when the page goes, and the toolbar popup has none', async () => {
    tabsShow({ 7: { url: 'https://a.example/', counts: { alibaba: 1 } } }, { id: 7 });
    const port = fakePort();
    const connect = vi.spyOn(fakeBrowser.tabs, 'connect').mockReturnValue(port.end as never);
    const { unmount } = render(<PopupPanel beside />);
    await vi.waitFor(() => expect(connect).toHaveBeenCalled());
    port.send({
      type: 'map',
      version: 1,
      mentions: [{ lensId: 'alibaba', before: '', text: 'Alibaba', after: '' }],
      total: 1,
    });
    expect(await screen.findByRole('region', { name: /^Page map/ })).toBeTruthy();
    port.disconnectFromPage();
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: /^Page map/ })).toBeNull());
    unmount();
    connect.mockClear();
    render(<PopupPanel />);
    expect(await screen.findByRole('button', { name: /^Alibaba, 1 mention\b/ })).toBeTruthy();
    expect(connect).not.toHaveBeenCalled();
  });
});

/** The panel's end of a port to a page map, driven by the test as the page's end would be. */
function fakePort() {
  const onMessage = new Set<(message: unknown) => void>();
  const onDisconnect = new Set<() => void>();
  const posted: unknown[] = [];
  return {
    posted,
    end: {
      postMessage: (message: unknown) => posted.push(message),
      disconnect: vi.fn(),
      onMessage: { addListener: (listener: (message: unknown) => void) => onMessage.add(listener) },
      onDisconnect: { addListener: (listener: () => void) => onDisconnect.add(listener) },
    },
    send: (message: unknown) =>
      act(() => {
        for (const listener of onMessage) listener(message);
      }),
    disconnectFromPage: () =>
      act(() => {
        for (const listener of onDisconnect) listener();
      }),
  };
}
