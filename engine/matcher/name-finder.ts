import type { FullNameSpotter, Matcher, MatchResult, Mention, SpotterFilter } from './matcher';

/** What a page reads its text with: the stories' matcher, or theirs and the private stories' together. */
export interface NameFinder {
  readonly entitiesWithLaterForms: ReadonlySet<string>;
  findMentions(text: string, seen?: ReadonlySet<string>, elementEdges?: readonly number[]): MatchResult;
  fullNameSpotter(filter?: SpotterFilter): FullNameSpotter;
}

/**
 * The stories' matcher and the private stories' side by side. Each reads the
 * text alone, so a private name never takes text from a public one, nor
 * changes which public names are found: what the page's highlight registry
 * shows is what it would show without the private stories. A private mention
 * that overlaps a public one is dropped, as the public one is painted there
 * already; the others are marked `private`.
 */
export function withPrivateNames(open: Matcher, hidden: Matcher): NameFinder {
  return {
    entitiesWithLaterForms: new Set([...open.entitiesWithLaterForms, ...hidden.entitiesWithLaterForms]),
    findMentions(text, seen, elementEdges) {
      const shown = open.findMentions(text, seen, elementEdges);
      const found = hidden.findMentions(text, seen, elementEdges);
      if (found.mentions.length === 0 && found.admitted.size === 0 && found.turnedAway.size === 0) return shown;
      return {
        mentions: merged(shown.mentions, found.mentions),
        admitted: new Set([...shown.admitted, ...found.admitted]),
        turnedAway: new Set([...shown.turnedAway, ...found.turnedAway]),
      };
    },
    fullNameSpotter(filter) {
      const openSpotter = open.fullNameSpotter(filter);
      const hiddenSpotter = hidden.fullNameSpotter(filter);
      // Both read every piece of text: a spotter keeps what it has read.
      return (text, from, to) => {
        const inOpen = openSpotter(text, from, to);
        return hiddenSpotter(text, from, to) || inOpen;
      };
    },
  };
}

/** Both lists in text order, the private mentions that overlap a public one left out. */
function merged(shown: readonly Mention[], hidden: readonly Mention[]): Mention[] {
  const all: Mention[] = [];
  let s = 0;
  for (const mention of hidden) {
    while (s < shown.length && (shown[s] as Mention).end <= mention.start) all.push(shown[s++] as Mention);
    const next = shown[s];
    if (next !== undefined && next.start < mention.end) continue;
    all.push({ ...mention, private: true });
  }
  while (s < shown.length) all.push(shown[s++] as Mention);
  return all;
}
