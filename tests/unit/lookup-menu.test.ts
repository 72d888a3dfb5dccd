import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLookupMenu, lookUpSelection, retitleLookupMenu } from '../../background/lookup-menu';
import { SESSION_KEYS } from '../../platform/storage/storage-keys';
import { wordsFor } from '../../platform/words/words';
import { swapBrowserApis } from '../fixtures/browser-apis';

const MENU_ID = 'context-lens-lookup';

beforeEach(() => {
  fakeBrowser.reset();
});

/** The panel as the toolbar popup: opens, or fails as where the browser refuses it. */
function popup(opens: boolean) {
  const openPopup = vi.fn(async () => {
    if (!opens) throw new Error('Could not find an active browser window.');
  });
  vi.spyOn(fakeBrowser, 'action', 'get').mockReturnValue({ openPopup } as never);
  return openPopup;
}

const { key: LOOKUP_KEY } = SESSION_KEYS.lookup;
const stored = async () => (await fakeBrowser.storage.session.get(LOOKUP_KEY))[LOOKUP_KEY];

describe('looking up selected text (the context menu)', () => {
  it('hands the panel the selection as plain text, white space folded and cut to a search’s length', async () => {
    popup(true);
    const selection = `  <img src=x onerror="alert(1)">\n\tAlibaba ${'and more '.repeat(30)}`;
    await lookUpSelection(MENU_ID, selection);
    const text = String(await stored());
    expect(text).toHaveLength(100);
    expect(text.startsWith('<img src=x onerror="alert(1)"> Alibaba and more')).toBe(true);
  });

  it('ignores other menu entries and empty selections', async () => {
    const openPopup = popup(true);
    await lookUpSelection('someone-else', 'Alibaba');
    await lookUpSelection(MENU_ID, ' \n\t ');
    await lookUpSelection(MENU_ID, undefined);
    expect(await stored()).toBeUndefined();
    expect(openPopup).not.toHaveBeenCalled();
  });

  it('where the popup cannot open, opens the panel in a window with the text escaped in its address', async () => {
    popup(false);
    const create = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({} as never);
    await lookUpSelection(MENU_ID, 'Jack Ma & "friends" <b>#1</b>?');
    expect(await stored()).toBeUndefined();
    const url = new URL(String(create.mock.calls[0]?.[0]?.url));
    expect(url.pathname).toBe('/popup.html');
    expect(url.searchParams.get('q')).toBe('Jack Ma & "friends" <b>#1</b>?');
    expect([...url.searchParams.keys()]).toEqual(['q']);
  });

  it('opens the side panel the reader chose, asked at once, and leaves it the text', async () => {
    const openPopup = popup(true);
    const openBeside = vi.fn(async () => true);
    const looking = lookUpSelection(MENU_ID, 'Ant Group', openBeside);
    // Before any await: the browser opens a side panel only within the reader's click.
    expect(openBeside).toHaveBeenCalledTimes(1);
    await looking;
    expect(await stored()).toBe('Ant Group');
    expect(openPopup).not.toHaveBeenCalled();
  });

  it('opens the popup when the side panel does not open', async () => {
    const openPopup = popup(true);
    await lookUpSelection(MENU_ID, 'Ant Group', async () => false);
    expect(openPopup).toHaveBeenCalled();
    expect(await stored()).toBe('Ant Group');
  });

  it('titles the entry in the reader’s words, and again when the reader chooses another language', async () => {
    const create = vi.fn(() => MENU_ID);
    const update = vi.fn(async () => undefined);
    const restore = swapBrowserApis({
      contextMenus: { removeAll: async () => undefined, create, update } as unknown as typeof fakeBrowser.contextMenus,
    });
    try {
      createLookupMenu(wordsFor('zh_CN'));
      await vi.waitFor(() =>
        expect(create).toHaveBeenCalledWith({
          id: MENU_ID,
          title: '在 Context Lens 中查找“%s”',
          contexts: ['selection'],
        }),
      );
      await retitleLookupMenu(wordsFor('en'));
      expect(update).toHaveBeenCalledWith(MENU_ID, { title: 'Look up “%s” in Context Lens' });
    } finally {
      restore();
    }
  });

  it('where the browser has no context menus (Firefox for Android), makes and retitles no entry, and logs no failure', async () => {
    const warn = vi.spyOn(console, 'warn');
    const restore = swapBrowserApis({ contextMenus: undefined });
    try {
      createLookupMenu(wordsFor('en'));
      await retitleLookupMenu(wordsFor('zh_CN'));
    } finally {
      restore();
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it('says in the console when the browser refuses to make the entry', async () => {
    const refusal = new Error('Cannot create item with duplicate id context-lens-lookup');
    const restore = swapBrowserApis({
      contextMenus: { removeAll: async () => undefined, create: vi.fn(() => Promise.reject(refusal)) } as never,
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      createLookupMenu(wordsFor('en'));
      await vi.waitFor(() =>
        expect(warn).toHaveBeenCalledWith(`Context Lens could not make its context-menu entry: ${refusal}`, refusal),
      );
    } finally {
      restore();
    }
  });

  it('says in the console when the selection cannot be handed to the panel, and opens nothing', async () => {
    const openPopup = popup(true);
    const refusal = new Error('Session storage quota bytes exceeded.');
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(refusal);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await lookUpSelection(MENU_ID, 'Ant Group');
    expect(warn).toHaveBeenCalledWith(`Context Lens could not look up the selection: ${refusal}`, refusal);
    expect(openPopup).not.toHaveBeenCalled();
  });

  it('says in the console when neither the popup nor a window of its own can open', async () => {
    popup(false);
    const refusal = new Error('No current window');
    vi.spyOn(fakeBrowser.windows, 'create').mockRejectedValue(refusal);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await lookUpSelection(MENU_ID, 'Ant Group');
    expect(warn).toHaveBeenCalledWith(`Context Lens could not look up the selection: ${refusal}`, refusal);
  });
});
