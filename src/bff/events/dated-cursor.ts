/** Something xECM lists by a second-granular date: an audit entry or a newly created node. */
export interface Dated {
  id: number | string;
  /** ISO 8601. */
  date: string;
}

/** Where polling stopped: the newest date seen and the ids already taken at that date. */
export interface DatedCursor {
  date: string;
  ids: Set<string>;
  /**
   * What the poller knew about the item when it last looked (the audit poller keeps the approval state
   * there, to tell a decision from any other attribute change); committed with the cursor.
   */
  memo?: string;
}

// xECM's date filters are inclusive and second-granular: entries of the cursor's second come again, so the
// cursor remembers which of them were taken.

export function parseDatedCursor(raw: string | null): DatedCursor | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as { date?: unknown; ids?: unknown; memo?: unknown };
    if (typeof value.date !== 'string' || !Array.isArray(value.ids)) return null;
    return {
      ...(typeof value.memo === 'string' ? { memo: value.memo } : {}),
      date: value.date,
      ids: new Set(
        value.ids
          .filter((n): n is number | string => typeof n === 'number' || typeof n === 'string')
          .map(String),
      ),
    };
  } catch {
    return null;
  }
}

/** The cursor after the first look: everything up to the newest date is history, not news. */
export function initialCursor(
  atNewestDate: readonly Dated[],
  newestDate: string | undefined,
  memo?: string,
): string {
  const date = newestDate ?? new Date(0).toISOString();
  return JSON.stringify({ date, ids: atNewestDate.filter((e) => e.date === date).map((e) => e.id), memo });
}

/** Entries (oldest first, dated at or after the cursor) not taken yet. */
export function unseen<T extends Dated>(entries: readonly T[], cursor: DatedCursor): T[] {
  return entries.filter((e) => !(e.date === cursor.date && cursor.ids.has(String(e.id))));
}

/** The cursor after taking `fresh` (oldest first, non-empty), with the poller's new memo. */
export function advancedCursor(cursor: DatedCursor, fresh: readonly Dated[], memo?: string): string {
  const newestDate = fresh[fresh.length - 1]!.date;
  const carried = newestDate === cursor.date ? [...cursor.ids] : [];
  const taken = fresh.filter((e) => e.date === newestDate).map((e) => String(e.id));
  return JSON.stringify({ date: newestDate, ids: [...new Set([...carried, ...taken])], memo });
}
