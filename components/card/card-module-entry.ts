/**
 * The card's code as a module of its own, built by modules/lazy-modules-build.ts
 * and loaded on the first hover: Preact, floating-ui and the card's styles
 * stay out of the script that every page and frame runs.
 */

import type { CardModule } from '../../page/hover/card-view';
import { EntityAccounts } from '../story/entity-accounts';
import { CardLayer } from './card-layer';

export const createCardView: CardModule['createCardView'] = (ctx, entities, language) =>
  new CardLayer(ctx, new EntityAccounts(entities), language);
