/** One setting of `config/settings_schema.json` (Shopify's shape, plus where the store keeps it). */
interface SchemaSetting {
  id: string;
  type: string;
  default?: unknown;
  store_key?: string;
  options?: Array<{ value: string }>;
  min?: number;
  max?: number;
}

export const FONT_STACKS: Readonly<Record<string, string>> = {
  system:
    'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif,"Apple Color Emoji","Segoe UI Emoji"',
  serif: 'Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,"Times New Roman",serif',
  rounded:
    'ui-rounded,"Hiragino Maru Gothic ProN",Quicksand,Comfortaa,Manjari,"Arial Rounded MT",Calibri,sans-serif',
  mono: 'ui-monospace,"Cascadia Code","Source Code Pro",Menlo,Consolas,"DejaVu Sans Mono",monospace',
};

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * The theme's settings for one store: each schema default, replaced by the store's own value
 * (`theme.<store_key>` in its settings) when that value is valid for the setting's type. Colours
 * must be hex (they are written into CSS), fonts one of the stacks, logos a same-host path or an
 * https URL. Derived colours (text on buttons, muted text, lines) keep contrast readable.
 */
export function themeSettings(
  schema: unknown,
  storeTheme: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const setting of schemaSettings(schema)) {
    const own = setting.store_key ? storeTheme?.[setting.store_key] : undefined;
    out[setting.id] = valid(setting, own) ? own : setting.default;
  }
  const text = String(out.color_text ?? '#1b1f24');
  const background = String(out.color_background ?? '#ffffff');
  const primary = String(out.color_primary ?? '#1f4e79');
  out.color_on_primary = luminance(primary) > 0.4 ? '#111111' : '#ffffff';
  out.color_muted = mix(text, background, 0.3);
  out.color_line = mix(text, background, 0.86);
  out.color_field = mix(text, background, 0.55);
  out.color_soft = mix(text, background, 0.95);
  out.font_stack = FONT_STACKS[String(out.font)] ?? FONT_STACKS.system;
  return out;
}

function schemaSettings(schema: unknown): SchemaSetting[] {
  if (!Array.isArray(schema)) return [];
  return schema.flatMap((group: { settings?: SchemaSetting[] }) => group.settings ?? []);
}

function valid(setting: SchemaSetting, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  switch (setting.type) {
    case 'color':
      return typeof value === 'string' && HEX.test(value);
    case 'select':
      return typeof value === 'string' && (setting.options ?? []).some((o) => o.value === value);
    case 'image_picker':
      return (
        typeof value === 'string' &&
        value.length <= 2000 &&
        ((value.startsWith('/') && !value.startsWith('//')) || value.startsWith('https://'))
      );
    case 'range':
      return (
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= (setting.min ?? -Infinity) &&
        value <= (setting.max ?? Infinity)
      );
    default:
      return typeof value === 'string' && value.length <= 500;
  }
}

function rgb(hex: string): [number, number, number] {
  const h = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c).slice(1) : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** `a` moved `t` of the way towards `b`. */
function mix(a: string, b: string, t: number): string {
  const [x, y] = [rgb(a), rgb(b)];
  return `#${x
    .map((v, i) =>
      Math.round(v + ((y[i] as number) - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
