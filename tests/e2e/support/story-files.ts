import type { Page } from '@playwright/test';

/** Picks a file in the options page's "Add a story pack…" input, as a reader does. */
export async function addPackFile(options: Page, name: string, text: string): Promise<void> {
  await options
    .getByLabel('Add a story pack…')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}
