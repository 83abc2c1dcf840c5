import { en } from './en/index.js';
import { DEFAULT_LOCALE, type Locale } from './locales.js';
import type { Translation } from './translation.js';

// English ships in every bundle; the other locales are separate chunks loaded on first use, so a page
// pays only for the languages it shows.
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Translation>> = {
  de: () => import('./de/index.js').then((m) => m.de),
  fr: () => import('./fr/index.js').then((m) => m.fr),
  es: () => import('./es/index.js').then((m) => m.es),
  ja: () => import('./ja/index.js').then((m) => m.ja),
  // The pseudo-locale is a testing aid: its transformer loads only when someone asks for it.
  'en-XA': () => import('./pseudo.js').then((m) => m.pseudoLocalize(en)),
};

const loaded = new Map<Locale, Translation>([[DEFAULT_LOCALE, en]]);
const loading = new Map<Locale, Promise<Translation>>();
const listeners = new Set<(locale: Locale) => void>();

/** Strings of `locale` if already loaded (English always is). */
export function getTranslation(locale: Locale): Translation | undefined {
  return loaded.get(locale);
}

/** Loads a locale's strings (once); elements showing it re-render when it arrives. */
export function loadLocale(locale: Locale): Promise<Translation> {
  const ready = getTranslation(locale);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale as keyof typeof loaders]().then(
      (translation) => {
        loaded.set(locale, translation);
        loading.delete(locale);
        for (const listener of [...listeners]) listener(locale);
        return translation;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Hosts with their own copy of the strings (or a new locale tag mapped to one) can register it here. */
export function registerTranslation(locale: Locale, translation: Translation): void {
  loaded.set(locale, translation);
  for (const listener of [...listeners]) listener(locale);
}

export function onTranslationLoaded(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
