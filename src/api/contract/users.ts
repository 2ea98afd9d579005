import { z } from './zod';

export const roleSchema = z.enum(['Admin', 'Manager', 'Member']);
export type Role = z.infer<typeof roleSchema>;

/** Admin includes Manager includes Member. */
export const roleRank: Record<Role, number> = { Member: 1, Manager: 2, Admin: 3 };

export const userSchema = z.object({
  id: z.int(),
  name: z.string(),
  role: roleSchema,
});
export type User = z.infer<typeof userSchema>;
