/**
 * How much a reader's packs may hold. Packs live in storage.local, which
 * holds 10 MB in Chrome without the unlimitedStorage permission (we do not
 * ask for it); these bounds keep every pack a reader may add, with the
 * bundled ones and the settings cache, inside that.
 */

/** One pack file: five times the largest real pack we know, and far beyond any one story. */
export const MAX_PACK_BYTES = 1_000_000;
