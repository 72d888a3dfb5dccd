import { CHINA_PACK } from '../../tests/bundled-stories';

/** Names that count on their own (no later forms), so every one placed is a mention. */
const NAMES = CHINA_PACK.entities.map((entity) => entity.name);

/**
 * A page of `paragraphs` short paragraphs with five names each: the densest
 * page a reader is likely to meet, scaled up. Deterministic, so runs compare.
 */
export function densePage(paragraphs: number): { html: string; mentions: number } {
  const rows: string[] = [];
  let n = 0;
  const next = () => NAMES[n++ % NAMES.length];
  for (let i = 0; i < paragraphs; i++) {
    rows.push(
      `<p>${next()} and ${next()} signed a deal; ${next()} then met <em>${next()}</em> in a room where ${next()} listened.</p>`,
    );
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dense page</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:0 auto;padding:16px}</style></head>
<body>${rows.join('\n')}</body></html>`;
  return { html, mentions: paragraphs * 5 };
}
