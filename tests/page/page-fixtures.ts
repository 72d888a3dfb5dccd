import { ENTITY_KINDS } from '../../data/schema';
import { compileMatcher, type MatchableEntity, type Matcher } from '../../engine/matcher/matcher';
import type { MentionCounts } from '../../engine/messages';
import { KIND_SCHEME } from '../../page/highlight/highlight-renderer';
import { type Marking, PageHighlighter } from '../../page/start/page-highlighter';

/** An entity the matcher finds by its names alone. */
function entity(id: string, kind: MatchableEntity['kind'], names: string[]): MatchableEntity {
  return { id, kind, names, laterMentions: [], opensLaterMentions: [], notNames: [], notAfter: [] };
}

/** Two firms and a city, enough to tell one entity's highlights from another's. */
export const FIRMS_AND_A_CITY: Matcher = compileMatcher([
  entity('alibaba', 'firm', ['Alibaba']),
  entity('tencent', 'firm', ['Tencent']),
  entity('hangzhou', 'city', ['Hangzhou']),
]);

/** Only the city: a matcher with other names than FIRMS_AND_A_CITY. */
export const ONLY_THE_CITY: Matcher = compileMatcher([entity('hangzhou', 'city', ['Hangzhou'])]);

/** Every mention marked: no entity has a story, so none is a common name held back. */
export const EVERY_MENTION_MARKED: Marking = {
  entities: [],
  kinds: new Set(ENTITY_KINDS),
  density: 'every-mention',
  commonNamesEverywhere: false,
};

/** Replaces the test page's body. */
export function showPage(html: string): void {
  document.body.innerHTML = html;
}

/** A highlighter over the test page, not yet started, with every count it reports, last one last. */
export function highlighterOver(html: string): { highlighter: PageHighlighter; counts: MentionCounts[] } {
  showPage(html);
  const counts: MentionCounts[] = [];
  const highlighter = new PageHighlighter(document, {
    matcher: FIRMS_AND_A_CITY,
    scheme: KIND_SCHEME,
    marking: EVERY_MENTION_MARKED,
    ownHost: () => null,
    onCountsChanged: (now) => counts.push(now),
  });
  return { highlighter, counts };
}
