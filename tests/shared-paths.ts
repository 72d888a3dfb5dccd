import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root and the read-only shared folder beside it (seed story, corpus of real pages). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED_DIR = process.env.CONTEXT_LENS_SHARED ?? resolve(PROJECT_ROOT, '../shared');
const SEED_DIR = `${SHARED_DIR}/seed`;
export const ARTICLE_PATH = `${SEED_DIR}/000_35c4760d110395c0.txt`;
export const FACTS_PATH = `${SEED_DIR}/FACTS.md`;
export const CORPUS_DIR = `${SHARED_DIR}/corpus/pages`;
/** The article each bundled pack was written from, by pack id. */
export const PACK_SOURCES: Record<string, string> = {
  'china-tech-reset': ARTICLE_PATH,
  'huawei-spying-claims-2013': `${CORPUS_DIR}/reuters-huawei-cia-2013.html`,
};
