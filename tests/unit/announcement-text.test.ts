import { describe, expect, it } from 'vitest';
import { announcementText } from '../../components/card/announcement-text';
import { EntityAccounts } from '../../components/story/entity-accounts';
import { wordsFor } from '../../platform/words/words';

const en = wordsFor('browser');
const zh = wordsFor('zh_CN');
const accounts = new EntityAccounts(() => [
  {
    id: 'alibaba',
    kind: 'firm',
    name: 'Alibaba',
    stories: [{ packId: 'china-tech-reset', entityId: 'alibaba' }],
    identifies: ['china-tech-reset'],
  },
]);

describe('what the live region says', () => {
  it('names a mention a step reached, its kind and its place', () => {
    expect(
      announcementText(en, { type: 'mention', lensId: 'alibaba', place: { position: 2, count: 5 } }, accounts),
    ).toBe('Alibaba, firm, 2 of 5');
    expect(
      announcementText(en, { type: 'mention', lensId: 'alibaba', place: { position: null, count: 3 } }, accounts),
    ).toBe('Alibaba, firm, 3 on this page');
    expect(
      announcementText(zh, { type: 'mention', lensId: 'alibaba', place: { position: 2, count: 5 } }, accounts),
    ).toBe('Alibaba，企业，第 2 处，共 5 处');
  });

  it('says the site switch, with the site where the page has one', () => {
    expect(announcementText(en, { type: 'site', on: false, site: 'news.example.com' }, accounts)).toBe(
      'Context Lens highlighting off for news.example.com',
    );
    expect(announcementText(en, { type: 'site', on: true, site: null }, accounts)).toBe('Context Lens highlighting on');
    expect(announcementText(zh, { type: 'site', on: false, site: 'news.example.com' }, accounts)).toBe(
      '已在 news.example.com 上关闭 Context Lens 标注',
    );
    expect(announcementText(en, { type: 'site', on: false, site: 'file://' }, accounts)).toBe(
      'Context Lens highlighting off for local files',
    );
    expect(announcementText(zh, { type: 'site', on: true, site: 'file://' }, accounts)).toBe(
      '已在 本地文件 上开启 Context Lens 标注',
    );
  });

  it('says nothing of an entity the page no longer highlights', () => {
    expect(announcementText(en, { type: 'mention', lensId: 'gone', place: { position: 1, count: 1 } }, accounts)).toBe(
      '',
    );
  });
});
