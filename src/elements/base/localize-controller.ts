import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_LOCALE, intlLocale, resolveLocale, type Locale } from '../i18n/locales.js';
import { getTranslation, loadLocale, onTranslationLoaded } from '../i18n/registry.js';
import type { Translation, TranslationArea } from '../i18n/translation.js';

type Host = ReactiveControllerHost & HTMLElement;
type Args<V> = V extends (...args: infer P) => string ? P : [];
type Value<V> = V extends (...args: never[]) => string ? string : V;

const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;
let listening = false;
const observedRoots = new WeakSet<Node>();

function refreshAll(): void {
  for (const controller of connected) controller.host.requestUpdate();
}

/** Whether `node` is `ancestor` or inside it, across shadow roots. */
function composedContains(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null)
    if (n === ancestor) return true;
  return false;
}

/** A `lang`/`dir` attribute changed somewhere: re-render the elements at or below that element. */
function onLangOrDirChanged(records: MutationRecord[]): void {
  const targets = [...new Set(records.map((r) => r.target))];
  for (const controller of connected)
    if (targets.some((t) => composedContains(t, controller.host))) controller.host.requestUpdate();
}

/**
 * Watches `lang` and `dir` on every element of the document and of each shadow root an element lives in
 * (a subtree observer does not see into shadow roots), once per root.
 */
function observeRootsOf(host: Element): void {
  if (typeof MutationObserver === 'undefined' || typeof host.getRootNode !== 'function') return;
  observer ??= new MutationObserver(onLangOrDirChanged);
  let root: Node = host.getRootNode();
  for (;;) {
    if (!observedRoots.has(root) && (root instanceof ShadowRoot || root instanceof Document)) {
      observedRoots.add(root);
      observer.observe(root, { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] });
    }
    if (!(root instanceof ShadowRoot)) break;
    root = root.host.getRootNode();
  }
}

/**
 * The nearest value of attribute `name` above `el`, looking through shadow roots (a provider's `locale`
 * is reflected as `lang`). Written defensively: under SSR the DOM shim has no tree.
 */
function inheritedAttribute(el: Element, name: string): string {
  let node: Element | null | undefined = parentOf(el);
  while (node) {
    const value = node.getAttribute?.(name);
    if (value) return value;
    node = parentOf(node);
  }
  return '';
}

function parentOf(el: Element): Element | null | undefined {
  return el.parentElement ?? (el.getRootNode?.() as ShadowRoot | undefined)?.host;
}

// Intl formatters are expensive to create and a list formats every row.
const formatters = new Map<string, unknown>();
function cached<O, F>(ctor: new (locale: string, options?: O) => F, locale: string, options?: O): F {
  const key = `${ctor.name}|${locale}|${JSON.stringify(options ?? {})}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = new ctor(locale, options)));
  return formatter;
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * Strings and formatting in the element's language: its own `lang` (property or attribute), else the
 * nearest ancestor's `lang` attribute, across shadow roots (`<xecm-provider locale>` sets one), else
 * `<html lang>`, else the browser's. Changing any of them re-renders the elements concerned; locales other
 * than English load on first use and the element re-renders when they arrive. `dir` works the same way.
 */
export class LocalizeController implements ReactiveController {
  readonly host: Host;
  /** Resolved once per update: a list renders many strings and the tree walk is not free. */
  #locale: Locale | undefined;

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (!listening) {
      listening = true;
      onTranslationLoaded(refreshAll);
    }
    connected.add(this);
    observeRootsOf(this.host);
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  hostUpdate(): void {
    this.#locale = undefined;
  }

  /** Re-render every connected element (e.g. after registering a translation by hand). */
  static refreshAll(): void {
    refreshAll();
  }

  /** The locale tag as requested (may be one we do not ship). */
  get requested(): string {
    // The property first: while an update runs, a newly set `lang` is not reflected yet.
    const fromTree = this.host.lang || inheritedAttribute(this.host, 'lang');
    if (fromTree) return fromTree;
    if (typeof document !== 'undefined' && document.documentElement?.lang)
      return document.documentElement.lang;
    if (typeof navigator !== 'undefined' && navigator.language) return navigator.language;
    return DEFAULT_LOCALE;
  }

  /** The shipped locale in use. */
  get locale(): Locale {
    return (this.#locale ??= resolveLocale(this.requested));
  }

  /** `rtl` or `ltr`, from the nearest `dir`. */
  get dir(): 'ltr' | 'rtl' {
    const dir =
      this.host.dir ||
      inheritedAttribute(this.host, 'dir') ||
      (typeof document === 'undefined' ? '' : document.documentElement?.dir);
    return dir === 'rtl' ? 'rtl' : 'ltr';
  }

  /** The strings of one area, e.g. `this.localize.strings('documentList').upload`. Falls back to English while a locale loads. */
  strings<A extends TranslationArea>(area: A): Translation[A] {
    const locale = this.locale;
    let translation = getTranslation(locale);
    if (!translation) {
      void loadLocale(locale).catch(() => undefined);
      translation = getTranslation(DEFAULT_LOCALE)!;
    }
    return translation[area];
  }

  /** One string: `term('documentList', 'sortBy', 'Name')`; message functions take their arguments after the key. */
  term<A extends TranslationArea, K extends keyof Translation[A]>(
    area: A,
    key: K,
    ...args: Args<Translation[A][K]>
  ): Value<Translation[A][K]> {
    const value = this.strings(area)[key] as unknown;
    return (typeof value === 'function' ? (value as (...a: unknown[]) => string)(...args) : value) as Value<
      Translation[A][K]
    >;
  }

  get intlLocale(): string {
    return intlLocale(this.locale);
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return cached(Intl.NumberFormat, this.intlLocale, options).format(value);
  }

  /** `1.5 MB`, `320 kB` in the locale's notation. */
  bytes(value: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
    let n = value;
    let i = 0;
    while (n >= 1000 && i < units.length - 1) {
      n /= 1000;
      i++;
    }
    return this.number(n, {
      style: 'unit',
      unit: units[i],
      unitDisplay: i === 0 ? 'long' : 'short',
      maximumFractionDigits: i === 0 ? 0 : 1,
    });
  }

  /** Date and time, e.g. `15 Jan 2026, 10:00`. */
  dateTime(
    date: Date | string | number,
    options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
  ): string {
    return cached(Intl.DateTimeFormat, this.intlLocale, options).format(new Date(date));
  }

  /** `3 hours ago`, `yesterday`, `in 2 days`; `now` is injectable for tests. */
  relativeTime(date: Date | string | number, now: Date | number = Date.now()): string {
    const seconds = (new Date(date).getTime() - new Date(now).getTime()) / 1000;
    const format = cached(Intl.RelativeTimeFormat, this.intlLocale, { numeric: 'auto' });
    for (const [unit, size] of RELATIVE_UNITS) {
      if (Math.abs(seconds) >= size || unit === 'second')
        return format.format(Math.round(seconds / size), unit);
    }
    return format.format(0, 'second');
  }
}
