import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { LanguageChoice } from '../engine/settings';
import type { StoryEntity } from '../engine/story-library';
import { CARD_MODULE_FILE, type CardModule, type CardView } from './card-view';
import { importOwnModule } from './own-module';

/** The card, from its module, loaded on first use. */
export async function loadCardView(
  ctx: ContentScriptContext,
  entities: () => readonly StoryEntity[],
  language: () => LanguageChoice,
): Promise<CardView> {
  const module = await importOwnModule<CardModule>(CARD_MODULE_FILE);
  return module.createCardView(ctx, entities, language);
}
