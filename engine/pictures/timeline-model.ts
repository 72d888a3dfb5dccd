/**
 * A story's timeline as data: its phases as bands in their order, each with
 * the events the story dates or tells in brief and the key figures that
 * belong to it, laid out for a picture a side panel can hold. Everything is
 * computed from the pack, so the same pack always gives the same picture,
 * and the picture's text alternative reads the same model.
 */
import type { Phase, StoryPack } from '../../data/schema';
import { phasesInOrder } from '../entity-profile';

export interface TimelineMark {
  /** Unique within the story: `fact:ID` or `figure:ID`. */
  key: string;
  kind: 'event' | 'figure';
  /** The fact; for a figure, what it measures. */
  text: string;
  /** A figure's value: "$1.1 trillion". */
  value?: string;
  /** When it happened, as the pack dates it (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
  date: string | null;
  paragraph: string;
}

export interface TimelineBand {
  phase: Phase;
  marks: TimelineMark[];
}

/** A pack's date in a locale's words: "2020-10" as "October 2020" or "2020年10月", "2013-07-19" as "19 July 2013". */
export function readableDate(date: string, locale: string): string {
  const [year = 1970, month, day] = date.split('-').map(Number);
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    ...(month === undefined ? {} : { month: 'long' }),
    ...(day === undefined ? {} : { day: 'numeric' }),
  });
  return format.format(new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1)));
}

/**
 * The phases in order, each with its marks: the facts its arc tells and any
 * fact the pack dates, then its key figures. Dated marks come first, earliest
 * first, then the rest in the order the pack tells them. Key figures that
 * name no phase close the last band, so none is left out.
 */
export function storyTimeline(pack: StoryPack): TimelineBand[] {
  const phases = phasesInOrder(pack);
  const inArc = new Set(pack.arc.flatMap((step) => step.facts));
  const arcOrder = new Map(pack.arc.flatMap((step) => step.facts).map((id, i) => [id, i]));
  const lastPhase = phases[phases.length - 1]?.id;
  return phases.map((phase) => {
    const events: TimelineMark[] = pack.facts
      .filter((fact) => fact.phase === phase.id && (inArc.has(fact.id) || fact.date !== undefined))
      .sort((a, b) => (arcOrder.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (arcOrder.get(b.id) ?? Number.MAX_SAFE_INTEGER))
      .map((fact) => ({
        key: `fact:${fact.id}`,
        kind: 'event',
        text: fact.text,
        date: fact.date ?? null,
        paragraph: fact.paragraph,
      }));
    const figures: TimelineMark[] = pack.keyFigures
      .filter((figure) => (figure.phase ?? lastPhase) === phase.id)
      .map((figure) => ({
        key: `figure:${figure.id}`,
        kind: 'figure',
        text: figure.meaning,
        value: figure.value,
        date: null,
        paragraph: figure.paragraph,
      }));
    const dated = events
      .filter((mark) => mark.date !== null)
      .sort((a, b) => (a.date as string).localeCompare(b.date as string));
    return { phase, marks: [...dated, ...events.filter((mark) => mark.date === null), ...figures] };
  });
}

/** How the picture's text is measured and spaced, in CSS pixels. */
export interface TimelineMetrics {
  width: number;
  /** The width of an average character of the picture's text. */
  charWidth: number;
  lineHeight: number;
}

export const TIMELINE_METRICS: TimelineMetrics = { width: 340, charWidth: 6.6, lineHeight: 17 };

interface PlacedMark {
  mark: TimelineMark;
  /** The mark's dot, on the axis. */
  y: number;
  /** The mark's text, line by line, from `y`. */
  lines: string[];
}

interface PlacedBand {
  band: TimelineBand;
  top: number;
  height: number;
  marks: PlacedMark[];
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** Where the axis runs, and where the text of marks begins. */
  axisX: number;
  textX: number;
  bands: PlacedBand[];
}

const BAND_HEADER_LINES = 1.6;
const BAND_GAP = 10;
const MARK_GAP = 8;
const AXIS_X = 18;
const TEXT_X = 34;

/** Chinese characters and full-width punctuation: each takes two Latin letters' width, and a line may break before any. */
const WIDE = '\\u2E80-\\u303F\\u3040-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
const TOKENS = new RegExp(`[${WIDE}]|[^\\s${WIDE}]+|\\s+`, 'g');
const IS_WIDE = new RegExp(`[${WIDE}]`);

/**
 * Text into lines of at most `chars` Latin letters' width. Latin text breaks
 * at spaces, and a longer word gets a line of its own; Chinese text breaks
 * between any two characters, each as wide as two letters.
 */
export function wrapText(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  let spaced = false;
  for (const token of text.match(TOKENS) ?? []) {
    if (/^\s/.test(token)) {
      spaced = line !== '';
      continue;
    }
    const tokenWidth = IS_WIDE.test(token) ? 2 : token.length;
    const gap = spaced ? 1 : 0;
    if (line !== '' && width + gap + tokenWidth > chars) {
      lines.push(line);
      line = token;
      width = tokenWidth;
    } else {
      line += spaced ? ` ${token}` : token;
      width += gap + tokenWidth;
    }
    spaced = false;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The first line of a mark: its date or figure, then what it says. */
function markText(mark: TimelineMark, locale: string): string {
  const lead = mark.value ?? (mark.date === null ? '' : readableDate(mark.date, locale));
  return lead === '' ? mark.text : `${lead}: ${mark.text}`;
}

/** The bands stacked top to bottom, each mark's text wrapped to the picture's width, dates in `locale`'s words. */
export function layoutTimeline(
  bands: readonly TimelineBand[],
  locale: string,
  metrics = TIMELINE_METRICS,
): TimelineLayout {
  const chars = Math.floor((metrics.width - TEXT_X - 8) / metrics.charWidth);
  let y = 0;
  const placed = bands.map((band) => {
    const top = y;
    y += metrics.lineHeight * BAND_HEADER_LINES;
    const marks = band.marks.map((mark) => {
      const lines = wrapText(markText(mark, locale), chars);
      const at = y + metrics.lineHeight * 0.75;
      y += lines.length * metrics.lineHeight + MARK_GAP;
      return { mark, y: at, lines };
    });
    const height = y - top;
    y += BAND_GAP;
    return { band, top, height, marks };
  });
  return { width: metrics.width, height: Math.max(0, y - BAND_GAP), axisX: AXIS_X, textX: TEXT_X, bands: placed };
}
