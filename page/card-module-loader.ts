import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { StoryEntity } from '../engine/story-library';
import { CARD_MODULE_FILE, type CardModule, type CardView } from './card-view';

/**
 * Imports the card's module from the extension. The manifest lists it as a
 * web-accessible resource with a dynamic URL: this content script may load
 * it, while a page asking for it by the extension's fixed id is refused, so
 * it cannot be used to tell that Context Lens is installed.
 */
export async function loadCardView(
  ctx: ContentScriptContext,
  entities: () => readonly StoryEntity[],
): Promise<CardView> {
  const url = browser.runtime.getURL(`/${CARD_MODULE_FILE}` as '/content-scripts/card.js');
  const module = (await import(/* @vite-ignore */ url)) as CardModule;
  return module.createCardView(ctx, entities);
}
