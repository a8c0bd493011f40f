import type { LiquidOptions } from 'liquidjs';

/** Bounds on what one template may cost: merchant templates are untrusted input. */
export const RENDER_LIMITS = { parseLimit: 256 * 1024, renderLimit: 500, memoryLimit: 16 * 1024 * 1024 };

/**
 * The Liquid options every merchant-editable template runs under (storefront themes, notification
 * emails): no relative paths, output HTML-escaped unless a template says `| raw`, only own
 * properties of the data (no prototype walking), unknown filters are errors, and bounded parse
 * size, render time and memory. Callers add where partials come from (`fs`, `root`, ...).
 */
export const SANDBOX_OPTIONS = {
  relativeReference: false,
  outputEscape: 'escape',
  ownPropertyOnly: true,
  strictFilters: true,
  ...RENDER_LIMITS,
} as const satisfies LiquidOptions;
