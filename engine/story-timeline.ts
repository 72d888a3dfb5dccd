/**
 * A story's timeline as data: its phases as bands in their order, each with
 * the events the story dates or tells in brief and the key figures that
 * belong to it, laid out for a picture a side panel can hold. Everything is
 * computed from the pack, so the same pack always gives the same picture,
 * and the picture's text alternative reads the same model.
 */
import type { Phase, StoryPack } from '../data/schema';
import { phasesInOrder } from './entity-profile';

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

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2020-10" as "October 2020", "2013-07-19" as "19 July 2013". */
export function readableDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month === undefined ? '' : (MONTHS[Number(month) - 1] ?? '');
  return [day === undefined ? '' : String(Number(day)), monthName, year].filter((part) => part !== '').join(' ');
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

/** Words into lines of at most `chars` characters; a longer word gets a line of its own. */
export function wrapText(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The first line of a mark: its date or figure, then what it says. */
function markText(mark: TimelineMark): string {
  const lead = mark.value ?? (mark.date === null ? '' : readableDate(mark.date));
  return lead === '' ? mark.text : `${lead}: ${mark.text}`;
}

/** The bands stacked top to bottom, each mark's text wrapped to the picture's width. */
export function layoutTimeline(bands: readonly TimelineBand[], metrics = TIMELINE_METRICS): TimelineLayout {
  const chars = Math.floor((metrics.width - TEXT_X - 8) / metrics.charWidth);
  let y = 0;
  const placed = bands.map((band) => {
    const top = y;
    y += metrics.lineHeight * BAND_HEADER_LINES;
    const marks = band.marks.map((mark) => {
      const lines = wrapText(markText(mark), chars);
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
