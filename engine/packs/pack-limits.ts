/**
 * How much a reader's packs may hold. Packs live in storage.local, which
 * holds 10 MB in Chrome without the unlimitedStorage permission (we do not
 * ask for it). Each pack is stored twice there, whole and as its names
 * (pack-store.ts), and its names can take nearly all of its bytes. Beside
 * them sit the list of added packs, the bundled packs' names, the compiled
 * names (first-matcher-cache.ts) and, when sync refuses them, the settings:
 * at the worst, over 4 MB. These bounds keep all of it inside the quota;
 * tests/unit/pack-limits.test.ts adds it up at the limits.
 */

/** One pack file: five times the largest real pack we know, and far beyond any one story. */
export const MAX_PACK_BYTES = 1_000_000;
/** Packs a reader may add, besides the bundled ones. */
export const MAX_READER_PACKS = 60;
/** All of a reader's packs together, as stored whole: their names take about as much again. */
export const MAX_TOTAL_BYTES = 2_800_000;
/**
 * The compiled names a page's first highlights are restored from, as kept,
 * in characters of JSON (up to three bytes each in storage); larger ones
 * (tens of thousands of a reader's names) are compiled on each page
 * instead. The bundled stories' take about 80 KB.
 */
export const MAX_COMPILED_NAMES_BYTES = 1_000_000;
