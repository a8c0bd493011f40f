import { Liquid, type Template } from 'liquidjs';
import { LRUCache } from 'lru-cache';
import { SANDBOX_OPTIONS, formatMoney } from '@fleet/liquid';
import { HTML_LAYOUT, TEXT_LAYOUT, type TemplateSource } from './default-templates';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders e-mails with the storefront's sandboxed Liquid options (`@fleet/liquid`): HTML output is
 * escaped unless a template says `| raw`; subject and text are plain text (no HTML escaping), with
 * the same bounds on parse size, render time and memory. Partials are off: a template reaches no
 * file at all.
 */
export function createEmailRenderer() {
  const html = engine('escape');
  const text = engine(undefined);
  const htmlLayout = html.parse(HTML_LAYOUT);
  const textLayout = text.parse(TEXT_LAYOUT);
  // Every e-mail of a kind renders the same few sources (the defaults, a store's overrides): each
  // is parsed once. Keyed by the source text itself, so an edited override is a new entry.
  const parsed = new LRUCache<string, Template[]>({ max: PARSED_TEMPLATES });
  const parsedBy = (liquid: Liquid, kind: 'html' | 'text', source: string): Template[] => {
    const key = `${kind}\u0000${source}`;
    let templates = parsed.get(key);
    if (!templates) parsed.set(key, (templates = liquid.parse(source)));
    return templates;
  };

  /** Throws the template's error (parse or render). */
  async function render(source: TemplateSource, vars: Record<string, unknown>): Promise<RenderedEmail> {
    const subject = (await text.render(parsedBy(text, 'text', source.subject), vars))
      .replace(/\s+/g, ' ')
      .trim();
    const body = await html.render(parsedBy(html, 'html', source.html), vars);
    const textBody = await text.render(parsedBy(text, 'text', source.text), vars);
    return {
      subject,
      html: await html.render(htmlLayout, { ...vars, subject, content: body }),
      text: await text.render(textLayout, { ...vars, content: textBody.trim() }),
    };
  }
  /** Parses every part (validation before rendering). */
  const parse = (source: TemplateSource): Template[][] => [
    text.parse(source.subject),
    html.parse(source.html),
    text.parse(source.text),
  ];
  return { render, parse };
}

export type EmailRenderer = ReturnType<typeof createEmailRenderer>;

/** Parsed sources kept per renderer: the kinds of e-mail times a few hundred stores' overrides. */
const PARSED_TEMPLATES = 500;

function engine(outputEscape: 'escape' | undefined): Liquid {
  const liquid = new Liquid({
    ...SANDBOX_OPTIONS,
    outputEscape,
    // No file system: `render`/`include`/`layout` find nothing.
    fs: {
      exists: async () => false,
      existsSync: () => false,
      readFile: async (file) => Promise.reject(new Error(`e-mail templates include no files (${file})`)),
      readFileSync: (file) => {
        throw new Error(`e-mail templates include no files (${file})`);
      },
      resolve: (_dir, file) => file,
      contains: async () => false,
      containsSync: () => false,
    },
  });
  liquid.registerFilter('money', (minor: unknown, currency: unknown) => formatMoney(minor, currency));
  return liquid;
}
