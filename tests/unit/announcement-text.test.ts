import { describe, expect, it } from 'vitest';
import { announcementText } from '../../components/announcement-text';
import { EntityTellings } from '../../components/entity-tellings';

const tellings = new EntityTellings(() => [
  { id: 'alibaba', kind: 'firm', name: 'Alibaba', stories: [{ packId: 'china-tech-reset', entityId: 'alibaba' }] },
]);

describe('what the live region says', () => {
  it('names a mention a step reached, its kind and its place', () => {
    expect(announcementText({ type: 'mention', entityId: 'alibaba', place: { position: 2, count: 5 } }, tellings)).toBe(
      'Alibaba, firm, 2 of 5',
    );
    expect(
      announcementText({ type: 'mention', entityId: 'alibaba', place: { position: null, count: 3 } }, tellings),
    ).toBe('Alibaba, firm, 3 on this page');
  });

  it('says the site switch, with the site where the page has one', () => {
    expect(announcementText({ type: 'site', on: false, site: 'news.example.com' }, tellings)).toBe(
      'Context Lens highlighting off for news.example.com',
    );
    expect(announcementText({ type: 'site', on: true, site: null }, tellings)).toBe('Context Lens highlighting on');
  });

  it('says nothing of an entity the page no longer highlights', () => {
    expect(announcementText({ type: 'mention', entityId: 'gone', place: { position: 1, count: 1 } }, tellings)).toBe(
      '',
    );
  });
});
