import type { Direction } from '../engine/messages';

/** Manifest command names; wxt.config.ts declares them with their suggested keys. */
export const COMMAND_NEXT = 'next-mention';
export const COMMAND_PREVIOUS = 'previous-mention';
export const COMMAND_TOGGLE_SITE = 'toggle-site';

export function commandDirection(command: string): Direction | null {
  if (command === COMMAND_NEXT) return 'next';
  if (command === COMMAND_PREVIOUS) return 'previous';
  return null;
}
