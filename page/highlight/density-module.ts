import type { MarkDensity } from '../../engine/settings/settings';
import { importOwnModule } from '../start/own-module';
import type { MentionPainter, PageMention } from './mention-store';

/**
 * The contract between the content script and the code that thins marks to
 * a reader's density (page/highlight/mark-density.ts), which loads apart
 * only for a reader who chose one: by default every mention is marked, and
 * the content script carries nothing for it.
 */

/** A density other than every mention. */
export type ThinDensity = Exclude<MarkDensity, 'every-mention'>;

/** Paints only the mentions its density picks, from those `refresh` is given. */
export interface ThinnedPainter extends MentionPainter {
  refresh(shown: Iterable<PageMention>): void;
}

export interface DensityModule {
  thinnedPainter(painter: MentionPainter, density: ThinDensity, doc: Document): ThinnedPainter;
}

/** Where the build puts the density module, inside the extension. */
export const DENSITY_MODULE_FILE = 'content-scripts/mark-density.js';

export function loadDensity(): Promise<DensityModule> {
  return importOwnModule<DensityModule>(DENSITY_MODULE_FILE);
}
