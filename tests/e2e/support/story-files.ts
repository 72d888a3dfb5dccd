import { expect, type Page } from '@playwright/test';
import { readerPack } from './reader-pack';

/** Picks a file in the options page's "Add a story pack…" input, as a reader does. */
export async function addPackFile(options: Page, name: string, text: string): Promise<void> {
  await options
    .getByLabel('Add a story pack…')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Adds the reader's test pack in the options page, as a reader does, and closes the page once it is added. */
export async function addReaderPack(extension: { openOptions(): Promise<Page> }): Promise<void> {
  const options = await extension.openOptions();
  await addPackFile(options, 'ant-group.json', JSON.stringify(readerPack()));
  await expect(options.getByRole('region', { name: 'Stories' }).getByRole('status')).toContainText(
    'Added “Notes on Ant Group”',
  );
  await options.close();
}
