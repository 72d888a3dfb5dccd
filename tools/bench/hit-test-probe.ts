// Bundled by the hover benchmark and run in a page: our real hit-test code over
// a real store of mentions, with the browser's real layout, timed per event.

import { compileMatcher } from '../../engine/matcher/matcher';
import { HighlightRenderer, KIND_SCHEME } from '../../page/highlight/highlight-renderer';
import { MentionStore, type PageMention } from '../../page/highlight/mention-store';
import { ShownMentions } from '../../page/highlight/shown-mentions';
import { mentionAtPoint } from '../../page/hover/mention-hit-test';
import { CHINA_PACK } from '../../tests/bundled-stories';
import { scanIntoStore } from '../../tests/scan-into-store';
import { median } from './median';

export interface HitTestResult {
  mentions: number;
  events: number;
  /** Median over rounds, in microseconds per pointer event. */
  oursUs: number;
  /** The browser's own caret hit-test alone: the floor for any text hit-test. */
  caretFloorUs: number;
  /** A naive hit-test: every mention's rectangles checked against the point. */
  naiveUs: number;
  /** Points where ours and the naive scan found the same mention (or both none). */
  agreement: number;
  /** Points that landed on a mention. */
  onMention: number;
}

function scanPage(): MentionStore {
  const matcher = compileMatcher(CHINA_PACK.entities);
  const store = new MentionStore(
    new HighlightRenderer(KIND_SCHEME),
    matcher.entitiesWithLaterForms,
    new ShownMentions(document, () => {}),
    { admits: () => true, isCommonName: () => false },
  );
  scanIntoStore(document.body, matcher, store);
  return store;
}

/** Points a pointer visits in the current viewport: the centres of visible mentions, and as many random points. */
function viewportPoints(all: PageMention[], perView: number, seed: { value: number }): { x: number; y: number }[] {
  const random = () => {
    seed.value = (seed.value * 1103515245 + 12345) & 0x7fffffff;
    return seed.value / 0x7fffffff;
  };
  const points: { x: number; y: number }[] = [];
  for (const mention of all) {
    const box = mention.range.getClientRects()[0];
    if (box === undefined || box.top < 0 || box.bottom > innerHeight || box.width === 0) continue;
    points.push({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    if (points.length >= perView) break;
  }
  const onNames = points.length;
  for (let i = 0; i < onNames; i++) points.push({ x: random() * innerWidth, y: random() * innerHeight });
  return points;
}

function naiveAt(all: PageMention[], x: number, y: number): PageMention | null {
  for (const mention of all) {
    for (const r of mention.range.getClientRects()) {
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return mention;
    }
  }
  return null;
}

/** Microseconds per call of `test` over `points`, as the median of `rounds` timed passes. */
function timePerEvent(points: { x: number; y: number }[], rounds: number, test: (x: number, y: number) => unknown) {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const { x, y } of points) test(x, y);
    times.push(((performance.now() - start) * 1000) / points.length);
  }
  return median(times);
}

function hitTestBench(options: { views: number; perView: number; rounds: number; naiveRounds: number }): HitTestResult {
  const store = scanPage();
  const all = [...store.all()];
  const seed = { value: 42 };
  const result = { ours: [] as number[], floor: [] as number[], naive: [] as number[] };
  let events = 0;
  let agreement = 0;
  let onMention = 0;
  const height = document.documentElement.scrollHeight - innerHeight;
  for (let view = 0; view < options.views; view++) {
    window.scrollTo(0, (height * view) / Math.max(1, options.views - 1));
    const points = viewportPoints(all, options.perView, seed);
    events += points.length;
    result.ours.push(timePerEvent(points, options.rounds, (x, y) => mentionAtPoint(document, store, x, y)));
    result.floor.push(timePerEvent(points, options.rounds, (x, y) => document.caretPositionFromPoint?.(x, y) ?? null));
    result.naive.push(timePerEvent(points, options.naiveRounds, (x, y) => naiveAt(all, x, y)));
    for (const { x, y } of points) {
      const ours = mentionAtPoint(document, store, x, y);
      if (ours === naiveAt(all, x, y)) agreement++;
      if (ours !== null) onMention++;
    }
  }
  return {
    mentions: all.length,
    events,
    oursUs: median(result.ours),
    caretFloorUs: median(result.floor),
    naiveUs: median(result.naive),
    agreement,
    onMention,
  };
}

(window as unknown as { hitTestBench: typeof hitTestBench }).hitTestBench = hitTestBench;
