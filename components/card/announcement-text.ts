import type { Announcement } from '../../page/hover/card-view';
import type { Words } from '../../platform/words/words';
import { kindInPhrase } from '../entity-kinds';
import { siteName } from '../site-name';
import type { EntityAccounts } from '../story/entity-accounts';

/** What the live region says: "Alibaba, firm, 2 of 5", or "Context Lens highlighting off for example.com". */
export function announcementText(words: Words, announcement: Announcement, accounts: EntityAccounts): string {
  const { t } = words;
  if (announcement.type === 'site') {
    if (announcement.site === null) return t(announcement.on ? 'announce.on' : 'announce.off');
    return t(announcement.on ? 'announce.siteOn' : 'announce.siteOff', { site: siteName(words, announcement.site) });
  }
  const entity = accounts.entity(announcement.lensId);
  if (entity === undefined) return '';
  return mentionPlaceText(words, entity.name, entity.kind, announcement.place);
}

/** "Alibaba, firm, 2 of 5": a mention's entity, kind and place, as the live region and the page map say it. */
export function mentionPlaceText(
  words: Words,
  name: string,
  kind: Parameters<typeof kindInPhrase>[1],
  { position, count }: { position: number | null; count: number },
): string {
  const phrase = { name, kind: kindInPhrase(words, kind), count };
  return position === null
    ? words.t('mentions.placeUnknown', phrase)
    : words.t('mentions.place', { ...phrase, position });
}
