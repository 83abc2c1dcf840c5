import { pino, type DestinationStream, type Logger } from 'pino';

/** Paths that must never reach a log line, whatever a caller passes to the logger. */
export const REDACT_PATHS = [
  'authorization',
  'cookie',
  'ticket',
  'otcsticket',
  'token',
  'access_token',
  'client_secret',
  'secret',
  'password',
  '*.authorization',
  '*.Authorization',
  '*.cookie',
  '*.ticket',
  '*.otcsticket',
  '*.OTCSTicket',
  '*.token',
  '*.access_token',
  '*.client_secret',
  '*.secret',
  '*.password',
  'req.headers',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'xecm-bff' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
