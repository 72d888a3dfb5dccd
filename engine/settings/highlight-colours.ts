/**
 * The colours of a story's highlights. A reader picks the tint; the text
 * on it is near-black or white, whichever reads better, and a tint on which
 * neither reaches WCAG AAA contrast (7:1) is refused, so every highlight
 * stays legible whatever colour a reader chooses.
 */

/** WCAG AAA for normal text. */
export const MIN_CONTRAST = 7;

const DARK_TEXT = '#111827';
const LIGHT_TEXT = '#ffffff';

/** Tints given to stories in turn, until a reader chooses: each one AAA with dark text. */
export const STORY_TINTS: readonly string[] = [
  '#fde68a',
  '#a7f3d0',
  '#bfdbfe',
  '#fbcfe8',
  '#ddd6fe',
  '#fed7aa',
  '#99f6e4',
  '#e5e7eb',
];

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

const isHexColour = (value: unknown): value is string => typeof value === 'string' && HEX_COLOUR.test(value);

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG 2 contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export interface TintStyle {
  background: string;
  text: string;
  ratio: number;
}

/** The text colour that reads best on a tint, and how well it reads. */
export function tintStyle(background: string): TintStyle {
  const dark = contrastRatio(background, DARK_TEXT);
  const light = contrastRatio(background, LIGHT_TEXT);
  return dark >= light ? { background, text: DARK_TEXT, ratio: dark } : { background, text: LIGHT_TEXT, ratio: light };
}

/** Whether a tint can carry legible text: a hex colour on which dark or light text reaches 7:1. */
export const isLegibleTint = (value: unknown): value is string =>
  isHexColour(value) && tintStyle(value).ratio >= MIN_CONTRAST;

/** Underline styles, in turn, so that stories differ by more than colour. */
const STORY_UNDERLINES = ['solid', 'dotted', 'dashed', 'wavy', 'double'];

/**
 * The stylesheet of the stories' highlights: for each story in turn, its
 * tint, the text colour that reads best on it, and an underline of its own.
 * `highlightName` names the highlight of a turn.
 */
export function storyHighlightCss(tints: readonly string[], highlightName: (turn: number) => string): string {
  return tints
    .map((tint, turn) => {
      const { text } = tintStyle(tint);
      const underline = STORY_UNDERLINES[turn % STORY_UNDERLINES.length];
      return `::highlight(${highlightName(turn)}) { color: ${text}; background-color: ${tint}; text-decoration: underline 2px ${underline} ${text}; }`;
    })
    .join('\n');
}
