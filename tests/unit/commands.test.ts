import { describe, expect, it } from 'vitest';
import { COMMAND_NEXT, COMMAND_PREVIOUS, commandDirection } from '../../background/commands';
import config from '../../wxt.config';

describe('keyboard commands', () => {
  it('map to a direction through the mentions', () => {
    expect(commandDirection(COMMAND_NEXT)).toBe('next');
    expect(commandDirection(COMMAND_PREVIOUS)).toBe('previous');
    expect(commandDirection('_execute_action')).toBeNull();
  });

  it('are declared in the manifest with suggested keys, within Chrome’s limit of four', async () => {
    const manifest = await (typeof config.manifest === 'function'
      ? config.manifest({ browser: 'chrome' } as never)
      : config.manifest);
    const commands = (manifest?.commands ?? {}) as Record<string, { suggested_key?: { default?: string } }>;
    expect(Object.keys(commands)).toEqual(expect.arrayContaining([COMMAND_NEXT, COMMAND_PREVIOUS]));
    const keys = Object.values(commands)
      .map((c) => c.suggested_key?.default)
      .filter(Boolean);
    expect(keys.length).toBeLessThanOrEqual(4);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
