/** Locales shipped with the elements; `en-XA` is a pseudo-locale derived from English for testing layouts. */
export const LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'en-XA'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Best shipped locale for a BCP 47 tag: exact match, then the language (`de-AT` → `de`), then English. */
export function resolveLocale(tag: string | null | undefined): Locale {
  if (!tag) return DEFAULT_LOCALE;
  const exact = LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const language = tag.split(/[-_]/)[0]!.toLowerCase();
  return LOCALES.find((l) => l === language) ?? DEFAULT_LOCALE;
}

/** The locale Intl formatters use (the pseudo-locale formats like English). */
export function intlLocale(locale: Locale): string {
  return locale === 'en-XA' ? 'en' : locale;
}
