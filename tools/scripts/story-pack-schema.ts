/**
 * Writes `data/story-pack.schema.json` from the TypeScript types in
 * `data/schema.ts` (`npm run schema`), so the JSON Schema an editor checks a
 * pack against is never a second, hand-kept copy of them. A unit test fails
 * when the committed file is older than the types.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCHEMA_PATH = join(ROOT, 'data/story-pack.schema.json');

export function storyPackSchemaText(): string {
  const schema = createGenerator({
    path: join(ROOT, 'data/schema.ts'),
    tsconfig: join(ROOT, 'tsconfig.engine.json'),
    type: 'StoryPack',
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema('StoryPack');
  const published = {
    title: 'Context Lens story pack',
    description: 'A news story as entities, names, facts and relations, each fact cited to its paragraph.',
    ...schema,
  };
  return `${JSON.stringify(published, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = storyPackSchemaText();
  let current = '';
  try {
    current = readFileSync(SCHEMA_PATH, 'utf8');
  } catch {
    // Not written yet.
  }
  if (current === text) console.log('Story pack schema: up to date');
  else {
    writeFileSync(SCHEMA_PATH, text);
    console.log(`Story pack schema written: ${SCHEMA_PATH}`);
  }
}
