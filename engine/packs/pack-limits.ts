/**
 * How much a reader's packs may hold. Packs live in storage.local, which
 * holds 10 MB in Chrome without the unlimitedStorage permission (we do not
 * ask for it); these bounds keep every pack a reader may add, with the
 * bundled ones and the settings cache, inside that.
 */

/** One pack file: five times the largest real pack we know, and far beyond any one story. */
export const MAX_PACK_BYTES = 1_000_000;
/** Packs a reader may add, besides the bundled ones. */
export const MAX_READER_PACKS = 60;
/** All of a reader's packs together, with room in storage.local to spare. */
export const MAX_TOTAL_BYTES = 8_000_000;
/**
 * The compiled names a page's first highlights are restored from, as kept;
 * larger ones (tens of thousands of a reader's names) are compiled on each
 * page instead. The bundled stories' take about 80 KB.
 */
export const MAX_COMPILED_NAMES_BYTES = 1_000_000;
