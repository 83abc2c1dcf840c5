/**
 * The deep link comes from the server; only http(s) URLs become links, so a `javascript:` or `data:`
 * URL slipped into xECM's data can never run in the host page.
 */
export function safeHttpUrl(url: string, base?: string): string | undefined {
  try {
    const parsed = new URL(url, base ?? globalThis.location?.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
