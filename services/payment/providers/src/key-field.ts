import { z } from 'zod';

/** A credentials field of a settings form: trimmed, bounded, of the provider's own format. */
export const keyField = (pattern: RegExp, what: string) => z.string().trim().max(500).regex(pattern, what);
