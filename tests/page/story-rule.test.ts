/**
 * The rule that decides which names a page marks, as a table: a story's
 * common names are marked once one of its own actors is shown, per story,
 * for good while the page is read; and the density thins marks, never
 * mentions. Run in Chromium, whose IntersectionObserver judges what is shown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENTITY_KINDS } from '../../data/schema';
import { compileMatcher, type MatchableEntity } from '../../engine/matcher/matcher';
import type { MentionCounts } from '../../engine/messages';
import type { PageEntity } from '../../engine/packs/lens-entities';
import type { MarkDensity } from '../../engine/settings/settings';
import { KIND_SCHEME } from '../../page/highlight/highlight-renderer';
import { type Marking, PageHighlighter } from '../../page/start/page-highlighter';
import { highlighted } from './highlighted-text';
import { showPage } from './page-fixtures';

type Cast = [id: string, kind: MatchableEntity['kind'], name: string, story: string, identifies: boolean];

/** Two stories, each with an own actor and a common name; Beijing is a common name of both. */
const CAST: Cast[] = [
  ['alibaba', 'firm', 'Alibaba', 'china', true],
  ['hangzhou', 'city', 'Hangzhou', 'china', false],
  ['huawei', 'firm', 'Huawei', 'huawei', true],
  ['australia', 'country', 'Australia', 'huawei', false],
];
const BEIJING: PageEntity = {
  id: 'beijing',
  kind: 'city',
  name: 'Beijing',
  stories: [
    { packId: 'china', entityId: 'beijing' },
    { packId: 'huawei', entityId: 'beijing' },
  ],
  identifies: [],
};
const ENTITIES: PageEntity[] = [
  ...CAST.map(([id, kind, name, story, identifies]) => ({
    id,
    kind,
    name,
    stories: [{ packId: story, entityId: id }],
    identifies: identifies ? [story] : [],
  })),
  BEIJING,
];
/** A matcher of each entity's display name alone. */
const matcherOf = (entities: readonly PageEntity[]) =>
  compileMatcher(
    entities.map(({ id, kind, name }) => ({
      id,
      kind,
      names: [name],
      laterMentions: [],
      opensLaterMentions: [],
      notNames: [],
      notAfter: [],
    })),
  );
const MATCHER = matcherOf(ENTITIES);

let highlighter: PageHighlighter;
let reports: { counts: MentionCounts; unmarked: MentionCounts }[];

afterEach(() => {
  highlighter.stop();
  document.body.replaceChildren();
});

function marking(density: MarkDensity = 'every-mention', commonNamesEverywhere = false): Marking {
  return { entities: ENTITIES, kinds: new Set(ENTITY_KINDS), density, commonNamesEverywhere };
}

async function highlight(html: string, chosen: Marking = marking(), matcher = MATCHER): Promise<void> {
  showPage(html);
  reports = [];
  highlighter = new PageHighlighter(document, {
    matcher,
    scheme: KIND_SCHEME,
    marking: chosen,
    ownHost: () => null,
    onCountsChanged: (counts, unmarked) => reports.push({ counts, unmarked }),
  });
  await highlighter.start();
}

/** Every marked name, in the order the highlights hold them, firms before places. */
const marked = () => ['firm', 'city', 'country'].flatMap((kind) => highlighted(`context-lens-${kind}`));

/** Waits until what is shown was judged and reported, then what is marked. */
async function settled(report: { counts: MentionCounts; unmarked: MentionCounts }): Promise<string[]> {
  await vi.waitFor(() => expect(reports.at(-1)).toEqual(report));
  return marked();
}

describe('a story’s common names, marked only where one of its own actors is shown', () => {
  it.each<{ page: string; html: string; counts: MentionCounts; unmarked: MentionCounts; marked: string[] }>([
    {
      page: 'an own actor before a common name',
      html: '<p>Alibaba opened an office in Hangzhou.</p>',
      counts: { alibaba: 1, hangzhou: 1 },
      unmarked: {},
      marked: ['Alibaba', 'Hangzhou'],
    },
    {
      page: 'an own actor after a common name',
      html: '<p>Hangzhou is where Alibaba began.</p>',
      counts: { alibaba: 1, hangzhou: 1 },
      unmarked: {},
      marked: ['Alibaba', 'Hangzhou'],
    },
    {
      page: 'only common names',
      html: '<h1>Travel</h1><p>Hangzhou, Beijing and Australia.</p>',
      counts: {},
      unmarked: {},
      marked: [],
    },
    {
      page: 'an own actor only in hidden text',
      html: '<nav style="display: none">Alibaba</nav><p>Hangzhou</p>',
      counts: {},
      unmarked: { hangzhou: 1 },
      marked: ['Alibaba'],
    },
    {
      page: 'two stories, one with its actor shown',
      html: '<p>Huawei in Hangzhou and Australia.</p>',
      counts: { huawei: 1, australia: 1 },
      unmarked: { hangzhou: 1 },
      marked: ['Huawei', 'Australia'],
    },
    {
      page: 'a common name of two stories, opened by either',
      html: '<p>Huawei in Beijing.</p>',
      counts: { huawei: 1, beijing: 1 },
      unmarked: {},
      marked: ['Huawei', 'Beijing'],
    },
  ])('$page', async ({ html, counts, unmarked, marked: expected }) => {
    await highlight(html);
    expect(await settled({ counts, unmarked })).toEqual(expected);
  });

  it('surveys a page whose only names are common ones, and counts them when a panel asks', async () => {
    await highlight('<p>Hangzhou and Beijing.</p><p>Beijing again.</p>');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Never walked: the held names are not even known yet.
    expect(reports.at(-1)?.unmarked ?? {}).toEqual({});
    highlighter.listUnmarked();
    expect(await settled({ counts: {}, unmarked: { hangzhou: 1, beijing: 2 } })).toEqual([]);
  });

  it('counts every block of a container whose own text runs around a child block', async () => {
    await highlight('<div>Hangzhou, <p>then</p> Beijing and Beijing.</div>');
    highlighter.listUnmarked();
    expect(await settled({ counts: {}, unmarked: { hangzhou: 1, beijing: 2 } })).toEqual([]);
  });

  it('lights up the common names already there when an own actor appears live', async () => {
    await highlight('<p>Hangzhou and Beijing.</p>');
    document.body.insertAdjacentHTML('beforeend', '<p>Alibaba</p>');
    expect(await settled({ counts: { alibaba: 1, hangzhou: 1, beijing: 1 }, unmarked: {} })).toEqual([
      'Alibaba',
      'Hangzhou',
      'Beijing',
    ]);
  });

  it('keeps them marked when the actor leaves, so nothing flickers', async () => {
    await highlight('<p id="actor">Alibaba</p><p>Hangzhou</p>');
    await settled({ counts: { alibaba: 1, hangzhou: 1 }, unmarked: {} });
    document.getElementById('actor')?.remove();
    expect(await settled({ counts: { hangzhou: 1 }, unmarked: {} })).toEqual(['Hangzhou']);
  });

  it('marks a story’s common names when the reader opens it from the panel', async () => {
    await highlight('<p>Hangzhou and Australia.</p>');
    highlighter.listUnmarked();
    await settled({ counts: {}, unmarked: { hangzhou: 1, australia: 1 } });
    highlighter.openStory('huawei');
    expect(await settled({ counts: { australia: 1 }, unmarked: { hangzhou: 1 } })).toEqual(['Australia']);
  });

  it('lets an actor of a kind the reader switched off open its story, marking only the kinds shown', async () => {
    await highlight('<p>Alibaba opened in Hangzhou.</p>', {
      ...marking(),
      kinds: new Set(ENTITY_KINDS.filter((kind) => kind !== 'firm')),
    });
    expect(await settled({ counts: { hangzhou: 1 }, unmarked: {} })).toEqual(['Hangzhou']);
  });

  it('keeps a switched-off kind’s name in its place: 京东 is never read inside 北京东城区', async () => {
    const cast: PageEntity[] = [
      {
        id: 'beijing',
        kind: 'city',
        name: '北京',
        stories: [{ packId: 'china', entityId: 'beijing' }],
        identifies: [],
      },
      { id: 'jd', kind: 'firm', name: '京东', stories: [{ packId: 'china', entityId: 'jd' }], identifies: ['china'] },
    ];
    const matcher = matcherOf(cast);
    const citiesOff = { ...marking(), entities: cast, kinds: new Set(ENTITY_KINDS.filter((kind) => kind !== 'city')) };
    await highlight('<p>京东在北京东城区开店。</p>', citiesOff, matcher);
    expect(await settled({ counts: { jd: 1 }, unmarked: {} })).toEqual(['京东']);
  });

  it('fills in what a survey passed over without taking a mark down, and counts each mention once', async () => {
    await highlight('<p>Hangzhou and Beijing.</p><div id="feed"></div>');
    const feed = document.getElementById('feed') as HTMLElement;
    feed.insertAdjacentHTML('beforeend', '<p>Alibaba</p>');
    await vi.waitFor(() => expect(highlighted('context-lens-firm')).toEqual(['Alibaba']));
    const [actor] = [...(CSS.highlights.get('context-lens-firm') ?? [])];
    // More text arrives while the surveyed text is filled in: both reads go in turn.
    feed.insertAdjacentHTML('beforeend', '<p>Beijing, where Alibaba met.</p>');
    expect(await settled({ counts: { alibaba: 2, hangzhou: 1, beijing: 2 }, unmarked: {} })).toEqual([
      'Alibaba',
      'Alibaba',
      'Hangzhou',
      'Beijing',
      'Beijing',
    ]);
    expect(CSS.highlights.get('context-lens-firm')?.has(actor as Range)).toBe(true);
  });

  it('marks common names everywhere when the reader asks', async () => {
    await highlight('<p>Hangzhou and Australia.</p>', marking('every-mention', true));
    expect(await settled({ counts: { hangzhou: 1, australia: 1 }, unmarked: {} })).toEqual(['Hangzhou', 'Australia']);
  });
});

describe('density: which mentions are marked, never which are mentions', () => {
  const PAGE =
    '<h2>One</h2><p>Alibaba, Alibaba and Hangzhou.</p><nav style="display: none">Hangzhou</nav>' +
    '<h2>Two</h2><p>Alibaba and Hangzhou.</p><p>Hangzhou.</p>';
  const EVERY = { counts: { alibaba: 3, hangzhou: 3 }, unmarked: {} };

  it('marks the first shown mention of each entity in each section', async () => {
    await highlight(PAGE, marking('first-in-section'));
    expect(await settled(EVERY)).toEqual(['Alibaba', 'Alibaba', 'Hangzhou', 'Hangzhou']);
    const sections = [...(CSS.highlights.get('context-lens-firm') ?? [])].map(
      (range) => (range as Range).startContainer.parentElement?.previousElementSibling?.textContent,
    );
    expect(sections).toEqual(['One', 'Two']);
  });

  it('marks the first shown mention of each entity on the page', async () => {
    await highlight(PAGE, marking('first-on-page'));
    expect(await settled(EVERY)).toEqual(['Alibaba', 'Hangzhou']);
  });

  it('steps and hovers through every mention, marked or not', async () => {
    await highlight(PAGE, marking('first-on-page'));
    await settled(EVERY);
    expect([...highlighter.shownMentions()]).toHaveLength(6);
    const unmarked = document.querySelectorAll('p')[2]?.firstChild as Text;
    expect(highlighter.mentionsAt(unmarked, 1).map((m) => m.lensId)).toEqual(['hangzhou']);
  });

  it('keeps its marks through a replacement read: the new read takes over already thinned', async () => {
    await highlight(PAGE, marking('first-on-page'));
    await settled(EVERY);
    let atSwap: string[] = [];
    expect(
      await highlighter.replace({ matcher: MATCHER, scheme: KIND_SCHEME, marking: marking('first-on-page') }, () => {
        atSwap = marked();
      }),
    ).toBe(true);
    expect(atSwap).toEqual(['Alibaba', 'Hangzhou']);
  });

  it('marks the next mention first once the first one goes', async () => {
    await highlight('<p id="first">Alibaba</p><p>Alibaba</p>', marking('first-on-page'));
    await settled({ counts: { alibaba: 2 }, unmarked: {} });
    document.getElementById('first')?.remove();
    await settled({ counts: { alibaba: 1 }, unmarked: {} });
    const [range] = [...(CSS.highlights.get('context-lens-firm') ?? [])] as Range[];
    expect(range?.startContainer.isConnected).toBe(true);
  });
});
