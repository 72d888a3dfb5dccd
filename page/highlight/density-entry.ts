/**
 * The density code as a module of its own, built by modules/lazy-modules-build.ts
 * and loaded when the reader's settings ask for fewer marks.
 */

import type { DensityModule } from './density-module';
import { DensityPainter } from './mark-density';

export const thinnedPainter: DensityModule['thinnedPainter'] = (painter, density, doc) =>
  new DensityPainter(painter, density, doc);
