import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageEntity } from '../../engine/packs/lens-entities';
import type { LanguageChoice } from '../../engine/settings/settings';
import { importOwnModule } from '../start/own-module';
import { CARD_MODULE_FILE, type CardModule, type CardView } from './card-view';

/** The card, from its module, loaded on first use. */
export async function loadCardView(
  ctx: ContentScriptContext,
  entities: () => readonly PageEntity[],
  language: () => LanguageChoice,
): Promise<CardView> {
  const module = await importOwnModule<CardModule>(CARD_MODULE_FILE);
  return module.createCardView(ctx, entities, language);
}
