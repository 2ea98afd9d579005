import { z } from './zod';

/** Keyset pagination: `before` is the opaque `next_cursor` of the previous page (never an offset). */
export const pageQuerySchema = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  before: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** One page, newest first; `next_cursor` is null on the last page. */
export const pageSchema = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.nullable(z.string()) });
