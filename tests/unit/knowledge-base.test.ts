import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHORED_PACKS, BUNDLED_PACKS } from '../../data/bundled-packs';
import { copiedRuns, wordRuns } from '../../engine/packs/source-check';
import { readStoryPack } from '../../engine/packs/story-pack';
import { sourceParagraphs } from '../../tools/scripts/source-paragraphs';
import { CHINA_PACK } from '../bundled-stories';
import { ARTICLE_PATH, FACTS_PATH, PACK_SOURCES, PROJECT_ROOT } from '../shared-paths';

const pack = CHINA_PACK;
const article = readFileSync(ARTICLE_PATH, 'utf8');
const facts = readFileSync(FACTS_PATH, 'utf8');

/** Rows of the "Who and what is named" table in FACTS.md. */
function factsTable() {
  return facts
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| entity') && !line.startsWith('|---'))
    .map((line) => {
      const [entity, kind, names, , paragraphs] = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return {
        entity: entity as string,
        kind: kind as string,
        names: (names as string)
          .split(/[,;]/)
          .map((name) => name.trim())
          .filter((name) => name !== '' && !name.startsWith('"') && !name.includes('later mention')),
        paragraphs: (paragraphs as string).split(',').map((p) => p.trim()),
      };
    });
}

function entityNamed(name: string) {
  // "state planner" is a name a page may use once the commission's full name came first: a later form.
  return pack.entities.find((e) => e.names.includes(name) || e.laterMentions.includes(name) || e.name === name);
}

describe('the bundled story pack', () => {
  it('passes the full schema and reference check', () => {
    const result = readStoryPack(pack);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('has the 14 entities of FACTS.md with their kinds', () => {
    const rows = factsTable();
    expect(rows).toHaveLength(14);
    expect(pack.entities).toHaveLength(14);
    const kindOf: Record<string, string> = { 'person (founder)': 'person' };
    for (const row of rows) {
      const entity = entityNamed(row.entity);
      expect(entity, row.entity).toBeDefined();
      expect(entity?.kind).toBe(kindOf[row.kind] ?? row.kind);
    }
    const kinds = pack.entities.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'firm')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'city')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'official')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'person')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'institution')).toHaveLength(2);
  });

  it('knows every name FACTS.md says a page may use, on the right entity', () => {
    for (const row of factsTable()) {
      const entity = entityNamed(row.entity);
      for (const name of row.names) expect(entity?.names, `${row.entity}: ${name}`).toContain(name);
    }
  });

  it('keeps the ambiguous short forms as later mentions only', () => {
    const later = (id: string) => pack.entities.find((e) => e.id === id)?.laterMentions;
    expect(later('jack-ma')).toContain('Ma');
    expect(later('yin-li')).toContain('Yin');
    expect(later('jd-com')).toContain('JD');
    expect(later('qihoo-360')).toContain('360');
    const allNames = pack.entities.flatMap((e) => e.names);
    for (const ambiguous of ['Ma', 'Li', 'Yin', '360', 'JD', 'party', 'planner']) {
      expect(allNames).not.toContain(ambiguous);
    }
  });

  it('cites for each entity every paragraph FACTS.md places it in', () => {
    for (const row of factsTable()) {
      const entity = entityNamed(row.entity);
      const cited = new Set(pack.facts.filter((f) => f.entities.includes(entity?.id ?? '')).map((f) => f.paragraph));
      for (const paragraph of row.paragraphs) expect([...cited], `${row.entity} ${paragraph}`).toContain(paragraph);
    }
  });

  it('records the article as undated, with both phases and the key figures', () => {
    expect(pack.source.title).toBe(article.split('\n')[2]);
    expect(pack.source.date).toBe('undated');
    expect(pack.source.paragraphs.map((p) => p.id)).toEqual([
      'standfirst',
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P6',
      'P7',
      'P8',
    ]);
    expect(pack.phases.map((p) => p.id)).toEqual(['crackdown', 'reconciliation', 'background']);
    const figures = pack.keyFigures.map((f) => f.value);
    expect(figures).toEqual(
      expect.arrayContaining(['$1.1 trillion', 'over $1 trillion', 'October 2020', 'Three years', 'Fourth month']),
    );
    for (const phase of ['crackdown', 'reconciliation', 'background']) {
      expect(pack.facts.some((f) => f.phase === phase)).toBe(true);
    }
  });

  it('holds the relations the story states', () => {
    const has = (from: string, type: string, to: string) =>
      pack.relations.some((r) => r.from === from && r.type === type && r.to === to);
    expect(has('alibaba', 'based-in', 'hangzhou')).toBe(true);
    expect(has('jack-ma', 'founded', 'alibaba')).toBe(true);
    expect(has('yin-li', 'party-chief-of', 'beijing')).toBe(true);
    expect(has('hangzhou', 'deal-with', 'qihoo-360')).toBe(true);
    expect(has('hangzhou', 'deal-with', 'netease')).toBe(true);
    for (const firm of ['jd-com', 'xiaomi', 'kuaishou']) expect(has('yin-li', 'met', firm)).toBe(true);
  });
});

/**
 * Each bundled story's common names: the entities a page may name without
 * being about the story (its countries, cities, national bodies and party),
 * and two firms that are only bystanders to the Huawei story.
 */
const COMMON_NAMES: Record<string, string[]> = {
  'china-tech-reset': ['hangzhou', 'beijing', 'tianjin', 'shenzhen', 'ccp', 'ndrc'],
  'huawei-spying-claims-2013': [
    'motorola-solutions',
    'australian-financial-review',
    'cia',
    'nsa',
    'house-intelligence-committee',
    'pla',
    'chinese-government',
    'australia',
    'britain',
  ],
};

describe.each(AUTHORED_PACKS.map((authored) => [authored.id, authored]))(
  '%s states each entity’s part in the story',
  (id, authored) => {
    it('says of every entity whether it identifies the story, rather than leave it to its kind', () => {
      const unstated = authored.entities.filter((entity) => typeof entity.identifiesStory !== 'boolean');
      expect(unstated.map((entity) => entity.id)).toEqual([]);
    });

    it('keeps as common names only what pages about other things name too', () => {
      const common = authored.entities.filter((entity) => entity.identifiesStory === false);
      expect(common.map((entity) => entity.id)).toEqual(COMMON_NAMES[id]);
    });
  },
);

const NOT_OURS = new Set(['node_modules', '.git', '.output', '.wxt', 'artifacts', 'test-results', 'bench']);
const TEXT_FILE = /\.(ts|tsx|mjs|json|md|html|css|svg)$/;

/** Pages other publishers wrote, kept as they are for the labelled set (tests/labelled-pages), as the shared corpus is. */
const THEIR_PAGES = /labelled-pages[/\\](?:held-out[/\\][a-z]-)?pages$/;

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (NOT_OURS.has(name) || name === 'package-lock.json') return [];
    const path = join(dir, name);
    if (THEIR_PAGES.test(path)) return [];
    if (statSync(path).isDirectory()) return textFiles(path);
    return TEXT_FILE.test(name) ? [path] : [];
  });
}

describe.each(BUNDLED_PACKS.map((bundled) => [bundled.id, bundled]))('%s is in our own words', (_, bundled) => {
  const sourcePath = PACK_SOURCES[bundled.id] as string;
  const articleRuns = wordRuns(sourceParagraphs(sourcePath));
  const files = textFiles(PROJECT_ROOT);

  it('quotes the headline exactly once in the project, as the source title', () => {
    const all = files.map((path) => readFileSync(path, 'utf8')).join('\n');
    expect(all.split(bundled.source.title)).toHaveLength(2);
  });

  it('copies no run of 8 words from its article into data/ or anywhere else in the project', () => {
    const copied: string[] = [];
    expect(files).toContain(join(PROJECT_ROOT, `data/packs/${bundled.id}.json`));
    for (const path of files) {
      const text = readFileSync(path, 'utf8').replace(bundled.source.title, ' ');
      for (const run of copiedRuns(text, articleRuns)) copied.push(`${path}: "${run}"`);
    }
    expect(copied).toEqual([]);
  });
});

describe('the China tech story is in our own words', () => {
  const articleRuns = wordRuns(article.split('\n'));

  it('the copy check would catch a copied sentence', () => {
    const sentence = article.split('\n')[5] as string;
    expect(copiedRuns(sentence, articleRuns).length).toBeGreaterThan(0);
  });

  it('takes nothing from the unrelated teaser lines', () => {
    const teasers = article.split('\n').filter((line) => line.startsWith('- '));
    expect(teasers).toHaveLength(3);
    const all = JSON.stringify(pack).toLowerCase();
    for (const word of ['trump', 'melania', 'super pac', 'italy', 'belt and road', '$40 million']) {
      expect(all).not.toContain(word);
    }
  });
});
