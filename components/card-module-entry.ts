/**
 * The card's code as a module of its own, built by modules/lazy-modules-build.ts
 * and loaded on the first hover: Preact, floating-ui and the card's styles
 * stay out of the script that every page and frame runs.
 */

import type { CardModule } from '../page/card-view';
import { CardLayer } from './card-layer';
import { EntityTellings } from './entity-tellings';

export const createCardView: CardModule['createCardView'] = (ctx, entities, language) =>
  new CardLayer(ctx, new EntityTellings(entities), language);
