import { browser } from 'wxt/browser';
import type { ToBackground, ToContentScript } from '../engine/messages';

/**
 * Sending, typed by direction: a message that is not of the union, or goes
 * the wrong way, does not compile. Replies come back unknown, and the
 * sender parses them (parseTabMentions, parsePageInfo) as any receiver would.
 */

export function sendToBackground(message: ToBackground): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/** To the content script of one frame of a tab (the top frame is 0). */
export function sendToTab(tabId: number, frameId: number, message: ToContentScript): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId });
}

/**
 * To the content script of every frame of a tab (a message sent with no
 * frame id reaches them all), wanting no answer. A tab
 * where none runs (a browser page, a page we may not read) or that has
 * closed has nobody to hear it, which is no failure: nothing is said.
 */
export function tellEveryFrame(tabId: number, message: ToContentScript): void {
  browser.tabs.sendMessage(tabId, message).catch(() => {
    // Nobody there to hear it.
  });
}
