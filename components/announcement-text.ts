import type { Announcement } from '../page/card-view';
import { KIND_NAME_AND_COLOUR } from './entity-kinds';
import type { EntityTellings } from './entity-tellings';

/** What the live region says: "Alibaba, firm, 2 of 5", or "Context Lens highlighting off for example.com". */
export function announcementText(announcement: Announcement, tellings: EntityTellings): string {
  if (announcement.type === 'site') {
    const where = announcement.site === null ? '' : ` for ${announcement.site}`;
    return `Context Lens highlighting ${announcement.on ? 'on' : 'off'}${where}`;
  }
  const entity = tellings.entity(announcement.entityId);
  if (entity === undefined) return '';
  const kind = KIND_NAME_AND_COLOUR[entity.kind].singular.toLowerCase();
  const { position, count } = announcement.place;
  return `${entity.name}, ${kind}, ${position === null ? `${count} on this page` : `${position} of ${count}`}`;
}
