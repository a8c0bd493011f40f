import { sampleData } from './sample-data';
import type { Themes } from './themes';
import { validateOverride } from './validate-override';

export type OverridePreview = { ok: true; template: string; html: string } | { ok: false; message: string };

/**
 * A template override as a page, before it is saved: checked as a save checks it, then its page
 * (the home page for the layout and snippets) rendered with sample data over the store's other
 * overrides. Nothing is stored.
 */
export async function previewOverride(
  themes: Themes,
  others: ReadonlyMap<string, string>,
  file: string,
  source: string,
): Promise<OverridePreview> {
  const check = await validateOverride(themes, others, file, source);
  if (!check.ok) return { ok: false, message: check.message };
  const template = /^templates\/(.+)\.liquid$/.exec(file)?.[1] ?? 'index';
  const schema = JSON.parse(themes.defaults.get('config/settings_schema.json') ?? '[]') as unknown;
  const html = await themes
    .engineWith(new Map([...others, [file, source]]))
    .render(template, sampleData(template, schema));
  return { ok: true, template, html };
}
