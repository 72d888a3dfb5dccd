import type { FromPageMap } from '../../engine/messages';
import type { PageMention } from '../highlight/mention-store';
import { importOwnModule } from '../start/own-module';

/**
 * The contract between the content script and the page map's code, which
 * loads apart (page/map/page-map-entry.ts) only when a panel beside the page
 * connects: most pages are never mapped, so they never pay for it.
 */

/** What the map needs from the lens: the mentions as they stand, and a way to show one with its card. */
export interface MappedMentions {
  mentions(): Iterable<PageMention>;
  has(mention: PageMention): boolean;
  show(mention: PageMention): void;
}

/** One panel's page map, as the lens drives it. */
export interface PageMapFeed {
  /** The page's mentions changed: the map is sent again once they settle. */
  mentionsChanged(): void;
  /** A message from the panel. */
  receive(raw: unknown): void;
  dispose(): void;
}

export interface PageMapModule {
  createPageMap(source: MappedMentions, send: (message: FromPageMap) => void): PageMapFeed;
}

/** Where the build puts the page map's module, inside the extension. */
export const PAGE_MAP_MODULE_FILE = 'content-scripts/page-map.js';

/** The page map's code, from its module, loaded when a panel first connects. */
export function loadPageMap(): Promise<PageMapModule> {
  return importOwnModule<PageMapModule>(PAGE_MAP_MODULE_FILE);
}
