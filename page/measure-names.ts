/**
 * The names of our performance measures. Tests, the bench, `npm start` and
 * outside checks read them from the page's timeline, so they are a public
 * contract: written here once, never as literals elsewhere.
 */

/** What every measure name begins with. */
export const MEASURE_PREFIX = 'context-lens:';

export const MEASURE = {
  /** The first matcher: the shipped stories' names merged and compiled, or restored from an earlier page. */
  boot: `${MEASURE_PREFIX}boot`,
  /** Every compile after the first: the reader's own stories joining, or other stories or kinds chosen. */
  compile: `${MEASURE_PREFIX}compile`,
  /** What the reader sees first, read while the parser is still at work: the first highlights. */
  preview: `${MEASURE_PREFIX}preview`,
  /** The first full read of the page. */
  scan: `${MEASURE_PREFIX}scan`,
  /** A replacement read: the whole page read again with other names or after a storm of changes. */
  rescan: `${MEASURE_PREFIX}rescan`,
  /** The page's changes read as they come. */
  update: `${MEASURE_PREFIX}update`,
  /** A card's opening to its content rendered and placed. */
  card: `${MEASURE_PREFIX}card`,
  /** Which mentions a reader can see, judged after rendering. */
  shown: `${MEASURE_PREFIX}shown`,
  /** Which mentions are on screen, for a panel's page map. */
  inView: `${MEASURE_PREFIX}in-view`,
  /** The page map sent to a panel. */
  map: `${MEASURE_PREFIX}map`,
  /** Private stories' mentions painted from inside our shadow root, once a frame when they or the page moved. */
  privatePaint: `${MEASURE_PREFIX}private-paint`,
} as const;

export type MeasureName = (typeof MEASURE)[keyof typeof MEASURE];
