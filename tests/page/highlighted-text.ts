/** The text of each range in one of our highlights, as an outside check reads them: through CSS.highlights. */
export function highlighted(name: string): string[] {
  return [...(CSS.highlights.get(name) ?? [])].map((range) => range.toString());
}
