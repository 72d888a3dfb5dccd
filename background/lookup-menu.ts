import { browser } from 'wxt/browser';
import { logFailure, warnFailure } from '../platform/log-failure';
import { SESSION_KEYS } from '../platform/storage/storage-keys';
import type { Words } from '../platform/words/words';
import { toolbarAction } from './toolbar-action';

const MENU_ID = 'context-lens-lookup';
/** Longer selections are cut here: a search wants a name or a phrase, not a paragraph. */
const MAX_LOOKUP_CHARS = 100;

/** The entry's title in the reader's words; the browser puts the selection where `%s` is. */
const menuTitle = (words: Words) => words.t('manifest.lookUp');

/** The selection's context-menu entry, made once per install or update. */
export function createLookupMenu(words: Words): void {
  // Firefox for Android has no context menus.
  logFailure(
    browser.contextMenus
      ?.removeAll()
      .then(() => browser.contextMenus.create({ id: MENU_ID, title: menuTitle(words), contexts: ['selection'] })),
    'make its context-menu entry',
  );
}

/** Words the entry anew, when the reader chose another language. */
export async function retitleLookupMenu(words: Words): Promise<void> {
  // Before the entry is made (the first settings arrive before `onInstalled`), there is nothing to retitle.
  await browser.contextMenus?.update(MENU_ID, { title: menuTitle(words) }).catch(() => undefined);
}

/**
 * Opens the panel searching for the selected text: beside the page when
 * `openBeside` is given (the reader chose the side panel) and it opens,
 * otherwise as the toolbar popup where the browser allows it, otherwise in
 * a small window of its own. Either way the text is only ever searched,
 * never shown as markup.
 */
export async function lookUpSelection(
  menuItemId: string | number,
  selection: string | undefined,
  openBeside?: () => Promise<boolean>,
): Promise<void> {
  if (menuItemId !== MENU_ID) return;
  const text = (selection ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_LOOKUP_CHARS);
  if (text === '') return;
  // Asked before any await: a browser opens a side panel only within the reader's own action.
  const besideOpened = openBeside?.() ?? Promise.resolve(false);
  // The menu's click handler cannot wait for this: what fails is said here.
  try {
    await browser.storage.session.set({ [SESSION_KEYS.lookup.key]: text });
    if (!(await besideOpened)) await openPopupOrWindow(text);
  } catch (error) {
    warnFailure('look up the selection', error);
  }
}

/** The popup takes the text from session storage; a window of its own, where the browser refuses the popup, from its address. */
async function openPopupOrWindow(text: string): Promise<void> {
  try {
    await toolbarAction().openPopup();
  } catch {
    await browser.storage.session.remove(SESSION_KEYS.lookup.key);
    await browser.windows.create({
      url: browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(text)}`),
      type: 'popup',
      width: 400,
      height: 640,
    });
  }
}
