interface Ticket {
  value: string;
  expiresAt: number;
}

/**
 * Per-user OTCSTickets. A ticket is reused until its assumed lifetime ends or xECM answers 401;
 * concurrent logins of the same user share one exchange.
 */
export class TicketCache {
  readonly #tickets = new Map<string, Ticket>();
  readonly #logins = new Map<string, Promise<string>>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(user: string, login: () => Promise<string>): Promise<string> {
    const cached = this.#tickets.get(user);
    if (cached && cached.expiresAt > this.now()) return cached.value;
    let pending = this.#logins.get(user);
    if (!pending) {
      pending = login().then(
        (value) => {
          this.#logins.delete(user);
          this.set(user, value);
          return value;
        },
        (error: unknown) => {
          this.#logins.delete(user);
          throw error;
        },
      );
      this.#logins.set(user, pending);
    }
    return pending;
  }

  /** Stores a new or renewed ticket (CS sends a fresh one in the `OTCSTicket` response header). */
  set(user: string, value: string): void {
    this.#tickets.set(user, { value, expiresAt: this.now() + this.lifetimeMs });
  }

  /** Forgets the ticket if it is still the one that failed (another request may have renewed it). */
  drop(user: string, value: string): void {
    if (this.#tickets.get(user)?.value === value) this.#tickets.delete(user);
  }
}
