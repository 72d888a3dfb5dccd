/**
 * Traditional Chinese forms of a pack's Chinese names, generated from the
 * Simplified ones with OpenCC (opencc-js), so that 京東 and 馬雲 are found as
 * well as 京东 and 马云 without anyone typing them twice. The table is written
 * beside the pack (`<pack>.variants.json`), bundled with it, and checked by a
 * unit test against a fresh conversion; the WXT module `modules/variants-before-build.ts`
 * rewrites it before every build, and `npm run variants` does it by hand.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Converter } from 'opencc-js/cn2t';
import type { StoryPack } from '../../data/schema';
import { type ScriptVariants, VARIANT_LISTS, type VariantLists } from '../../engine/matcher/script-variants';

/** Taiwan and Hong Kong standards differ from plain Traditional in a few characters: all three are written. */
const CONVERTERS = (['t', 'tw', 'hk'] as const).map((to) => Converter({ from: 'cn', to }));
const HAS_HAN = /\p{Script=Han}/u;
export const PACKS_DIR = resolve(fileURLToPath(import.meta.url), '../../../data/packs');

/** A pack's Traditional forms: for each entity, the converted names that differ from every form it already has. */
export function scriptVariantsOf(pack: StoryPack): ScriptVariants {
  const entities: Record<string, VariantLists> = {};
  for (const entity of pack.entities) {
    const lists: VariantLists = {};
    for (const list of VARIANT_LISTS) {
      // A form is new to its own list: an opener is also a name, and gets its variant in both.
      const known = new Set(entity[list] ?? []);
      const found: string[] = [];
      for (const form of (entity[list] ?? []).filter((name) => HAS_HAN.test(name))) {
        for (const convert of CONVERTERS) {
          const traditional = convert(form);
          if (known.has(traditional)) continue;
          known.add(traditional);
          found.push(traditional);
        }
      }
      if (found.length > 0) lists[list] = found;
    }
    if (Object.keys(lists).length > 0) entities[entity.id] = lists;
  }
  return { pack: pack.id, converter: 'opencc-js, Simplified to Traditional (t, tw, hk)', entities };
}

export const variantsPathOf = (packPath: string) => packPath.replace(/\.json$/, '.variants.json');

/** The authored packs in data/packs (not their generated tables). */
export function authoredPacks(): string[] {
  return readdirSync(PACKS_DIR)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.variants.json'))
    .map((name) => join(PACKS_DIR, name));
}

export const variantsText = (packPath: string) =>
  `${JSON.stringify(scriptVariantsOf(JSON.parse(readFileSync(packPath, 'utf8')) as StoryPack), null, 2)}\n`;

/** Rewrites every pack's table that changed; returns the paths written. */
export function writeScriptVariants(): string[] {
  const written: string[] = [];
  for (const packPath of authoredPacks()) {
    const path = variantsPathOf(packPath);
    const text = variantsText(packPath);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // Not written yet.
    }
    if (current === text) continue;
    writeFileSync(path, text);
    written.push(path);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = writeScriptVariants();
  console.log(
    written.length === 0 ? 'Traditional forms: up to date' : `Traditional forms written: ${written.join(', ')}`,
  );
}
