import * as z from 'zod/mini';

/** A record in a line-of-business system, e.g. `{system: 'crm', type: 'account', id: 'A-1001'}`. */
export const BusinessObject = z.object({
  system: z.string().check(z.minLength(1), z.maxLength(64)),
  type: z.string().check(z.minLength(1), z.maxLength(64)),
  id: z.string().check(z.minLength(1), z.maxLength(128)),
});
export type BusinessObject = z.infer<typeof BusinessObject>;
