/**
 * The colours of a story's highlights. A reader picks the tint from a
 * palette whose every swatch carries text at WCAG AAA contrast (7:1); a
 * colour from an older settings file goes to the nearest swatch, and one on
 * which no text would reach 7:1 is refused.
 */

/** WCAG AAA for normal text. */
export const MIN_CONTRAST = 7;

const DARK_TEXT = '#111827';
const LIGHT_TEXT = '#ffffff';

/**
 * The palette a story's tint is chosen from: each AAA with dark text, and
 * each with an underline of its own (STORY_UNDERLINES, in turn), so that
 * stories differ by more than colour. A fixed palette lets the extension's
 * own style sheet, which no page script can read, carry every story colour:
 * no sheet of the page's ever holds a reader's choice.
 * `entrypoints/content/highlights.css` has one rule per swatch, in this order.
 */
export const STORY_SWATCHES: readonly string[] = [
  '#fde68a',
  '#a7f3d0',
  '#bfdbfe',
  '#fbcfe8',
  '#ddd6fe',
  '#fed7aa',
  '#99f6e4',
  '#e5e7eb',
  '#d9f99d',
  '#fecdd3',
  '#a5f3fc',
  '#fef08a',
];

/** Underline styles, in turn over the swatches. */
export const STORY_UNDERLINES = ['solid', 'dotted', 'dashed', 'wavy', 'double'] as const;

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

/** The swatch nearest a colour, by distance in RGB: where a colour chosen before the palette goes. */
export function nearestSwatch(hex: string): number {
  const rgb = (colour: string) => [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
  const [r, g, b] = rgb(hex) as [number, number, number];
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [index, swatch] of STORY_SWATCHES.entries()) {
    const [sr, sg, sb] = rgb(swatch) as [number, number, number];
    const distance = (r - sr) ** 2 + (g - sg) ** 2 + (b - sb) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [index, distance];
  }
  return best;
}
