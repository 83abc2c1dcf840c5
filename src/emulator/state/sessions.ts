// Tickets and OTDS tokens. They survive `POST /emulator/reset` (sessions are not seed data) and expire on
// the emulator clock, so advancing the clock expires them.
import { randomBytes } from 'node:crypto';

export interface TicketSession {
  readonly userId: number;
  readonly expiresAt: number;
}

export interface OtdsToken {
  readonly clientId: string;
  /** The user the token acts as (after token exchange); undefined for a plain service token. */
  readonly userName?: string;
  readonly expiresAt: number;
}

const MAX_TICKETS = 100_000;

function opaque(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export class Sessions {
  private readonly tickets = new Map<string, TicketSession>();
  private readonly tokens = new Map<string, OtdsToken>();
  private readonly otdsTickets = new Map<string, TicketSession>();
  private issued = 0;

  constructor(private readonly ticketTtlSeconds: number) {}

  issueTicket(userId: number, now: number): string {
    this.prune(now);
    const ticket = opaque(48);
    this.tickets.set(ticket, { userId, expiresAt: now + this.ticketTtlSeconds * 1000 });
    if (this.tickets.size > MAX_TICKETS) {
      // Every call renews the ticket; under load the oldest (long since swapped out) are dropped early.
      let drop = MAX_TICKETS / 10;
      for (const key of this.tickets.keys()) {
        if (drop-- <= 0) break;
        this.tickets.delete(key);
      }
    }
    return ticket;
  }

  ticket(value: string, now: number): TicketSession | undefined {
    const session = this.tickets.get(value);
    return session && session.expiresAt > now ? session : undefined;
  }

  revokeTicket(value: string): void {
    this.tickets.delete(value);
  }

  issueOtdsTicket(userId: number, now: number): string {
    const ticket = opaque(48);
    this.otdsTickets.set(ticket, { userId, expiresAt: now + this.ticketTtlSeconds * 1000 });
    return ticket;
  }

  otdsTicket(value: string, now: number): TicketSession | undefined {
    const session = this.otdsTickets.get(value);
    return session && session.expiresAt > now ? session : undefined;
  }

  issueToken(token: Omit<OtdsToken, 'expiresAt'>, now: number, ttlSeconds: number): string {
    const value = opaque(40);
    this.tokens.set(value, { ...token, expiresAt: now + ttlSeconds * 1000 });
    return value;
  }

  token(value: string, now: number): OtdsToken | undefined {
    const token = this.tokens.get(value);
    return token && token.expiresAt > now ? token : undefined;
  }

  /** Every call renews the ticket, so the map is pruned of expired entries now and then. */
  private prune(now: number): void {
    if (++this.issued % 500 !== 0) return;
    for (const map of [this.tickets, this.otdsTickets, this.tokens] as const) {
      for (const [key, value] of map) if (value.expiresAt <= now) map.delete(key);
    }
  }
}
