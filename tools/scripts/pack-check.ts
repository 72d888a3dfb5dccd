/**
 * `npm run pack:check -- [--source ARTICLE] FILE...`: checks story packs and
 * lists every problem with its file and JSON path. With `--source`, each
 * pack is also checked against the article it was written from (a text file
 * with one paragraph per line, or an HTML page): its paragraphs are placed
 * in the article, nothing is copied from it, and each cited sentence is
 * supported by its paragraph; and it is warned of each cited sentence that
 * drops a hedge of its paragraph or tells a past state as present, and of
 * each Chinese translation that drops its sentence's hedge (warnings leave
 * the exit status alone). Exits 1 on any problem. A good pack is
 * summed up by its entities' parts in the story: its own actors, and its
 * common names, which are highlighted only where one of its actors is shown.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StoryPack } from '../../data/schema';
import { MAX_PACK_BYTES } from '../../engine/packs/pack-limits';
import { acronymsWithoutContext } from '../../engine/packs/short-names';
import { checkAgainstSource, type SourceWarning, sourceWarnings } from '../../engine/packs/source-check';
import { type PackProblem, readStoryPackText } from '../../engine/packs/story-pack';
import { storyRoles } from '../../engine/packs/story-roles';
import { bundledWords } from '../../platform/words/bundled-words';
import { packProblemText } from '../../platform/words/notice-text';
import { sourceParagraphs } from './source-paragraphs';

/** The checker speaks to pack authors in English, from the interface's own catalogue. */
const ENGLISH = bundledWords('en');

interface Arguments {
  files: string[];
  source?: string;
}

function parseArguments(argv: readonly string[]): Arguments | string {
  const files: string[] = [];
  let source: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--source') {
      source = argv[++i];
      if (source === undefined) return '--source needs the path of the article';
    } else if (arg.startsWith('--source=')) source = arg.slice('--source='.length);
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length === 0) return 'name at least one pack file';
  return source === undefined ? { files } : { files, source };
}

/** What checking one pack file found: its problems, its warnings, and the pack, where the file reads as one. */
interface PackFileCheck {
  problems: PackProblem[];
  /** Sentences that may say more than the article (only with a source, and only for a pack with no problem). */
  warnings: SourceWarning[];
  pack?: StoryPack;
}

/** A warning as the checker prints it, after the file's name. */
export function sourceWarningText(warning: SourceWarning): string {
  switch (warning.code) {
    case 'dropsHedge':
      return (
        `warning: ${warning.path}: “${warning.text}” drops the hedge “${warning.hedge}” of paragraph ` +
        `“${warning.paragraph}”, which it cites; hedge it as the paragraph does`
      );
    case 'pastAsPresent':
      return (
        `warning: ${warning.path}: “${warning.text}” tells in the present what paragraph “${warning.paragraph}”, ` +
        `which it cites, puts in the past (“${warning.marker}”)`
      );
    case 'translationDropsHedge':
      return (
        `warning: ${warning.path}: the ${warning.language} text “${warning.text}” drops the hedge ` +
        `“${warning.hedge}” of the sentence it translates`
      );
  }
}

/** Checks one pack file: unreadable, too large, not a pack, or at odds with its source. */
export function checkPackFile(file: string, source?: readonly string[]): PackFileCheck {
  let text: string;
  try {
    const bytes = statSync(file).size;
    if (bytes > MAX_PACK_BYTES) {
      return {
        problems: [{ path: '$', notice: { code: 'packTooLarge', bytes, limit: MAX_PACK_BYTES } }],
        warnings: [],
      };
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const notice = { code: 'fileUnreadable', error: error instanceof Error ? error.message : String(error) } as const;
    return { problems: [{ path: '$', notice }], warnings: [] };
  }
  const reading = readStoryPackText(text);
  if (!reading.ok) return { problems: reading.problems, warnings: [] };
  const { pack } = reading;
  if (source === undefined) return { problems: [], warnings: [], pack };
  const problems = checkAgainstSource(pack, source);
  return { problems, warnings: problems.length === 0 ? sourceWarnings(pack, source) : [], pack };
}

/**
 * How a good pack's entities split between the story's own actors and its
 * common names, so that an author sees at a glance which names light up by
 * themselves. A pack with no actor at all is legal but warned of: none of its
 * names would be highlighted unless a reader asks for its common names.
 */
export function rolesSummary(pack: StoryPack): string[] {
  const { actors, commonNames } = storyRoles(pack.entities);
  const identify = actors.length === 1 ? '1 entity identifies' : `${actors.length} entities identify`;
  const common =
    commonNames.length === 0
      ? 'none is a common name'
      : `${commonNames.length} ${commonNames.length === 1 ? 'is a common name' : 'are common names'}, ` +
        `highlighted only where one of its own actors is shown: ${commonNames.map((entity) => entity.name).join(', ')}`;
  const split = `${identify} the story; ${common}`;
  if (actors.length > 0) return [split];
  const warning =
    'warning: no entity identifies the story, so its names are highlighted only where a reader asks for its ' +
    'common names; set "identifiesStory": true on the story’s own actors';
  return [split, warning];
}

/** Short acronyms that have no words telling their other senses apart (engine/packs/short-names.ts). */
export function contextWarnings(pack: StoryPack): string[] {
  return acronymsWithoutContext(pack).map(
    ({ path, name }) =>
      `warning: ${path}: “${name}” is a short acronym with no "notNear" words, so it is marked wherever it stands ` +
      'for something else; list words of the other senses’ fields (as "click" for CPC, cost per click)',
  );
}

function main(argv: readonly string[]): number {
  const args = parseArguments(argv);
  if (typeof args === 'string') {
    console.error(`pack:check: ${args}\nusage: npm run pack:check -- [--source ARTICLE.txt] PACK.json...`);
    return 2;
  }
  let source: string[] | undefined;
  if (args.source !== undefined) {
    try {
      source = sourceParagraphs(args.source);
    } catch (error) {
      console.error(`pack:check: cannot read the source ${args.source}: ${String(error)}`);
      return 2;
    }
  }
  let failed = 0;
  for (const file of args.files) {
    const { problems, warnings, pack } = checkPackFile(file, source);
    if (problems.length === 0 && pack !== undefined) {
      console.log(`${file}: ok${source === undefined ? '' : `, checked against ${args.source}`}`);
      for (const line of [...rolesSummary(pack), ...contextWarnings(pack)]) console.log(`${file}: ${line}`);
      for (const warning of warnings) console.log(`${file}: ${sourceWarningText(warning)}`);
      continue;
    }
    failed++;
    for (const problem of problems) console.log(`${file}: ${packProblemText(ENGLISH, problem)}`);
    console.log(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
