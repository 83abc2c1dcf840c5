// `npm run emulator`: reads configuration from the environment and listens.
import * as z from 'zod';
import { startEmulator } from './server.js';

const Env = z
  .object({
    EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    EMULATOR_HOST: z.string().default('127.0.0.1'),
    EMULATOR_TICKET_TTL: z.coerce
      .number()
      .int()
      .min(1)
      .max(86_400 * 7)
      .default(1800),
    EMULATOR_MASTERDATA_URL: z.url({ protocol: /^https?$/ }).optional(),
    EMULATOR_MASTERDATA_TOKEN: z.string().min(1).optional(),
    EMULATOR_CALLOUT_URL: z.url({ protocol: /^https?$/ }).optional(),
    EMULATOR_CALLOUT_SECRET: z.string().min(8).optional(),
    EMULATOR_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).optional(),
  })
  .refine((env) => (env.EMULATOR_CALLOUT_URL === undefined) === (env.EMULATOR_CALLOUT_SECRET === undefined), {
    message: 'EMULATOR_CALLOUT_URL and EMULATOR_CALLOUT_SECRET must be set together',
  });

const parsed = Env.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`Invalid emulator configuration: ${issue.path.join('.') || 'env'}: ${issue.message}`);
  process.exit(1);
}
const env = parsed.data;
try {
  const emulator = await startEmulator({
    port: env.EMULATOR_PORT,
    host: env.EMULATOR_HOST,
    ticketTtlSeconds: env.EMULATOR_TICKET_TTL,
    ...(env.EMULATOR_MASTERDATA_URL ? { masterDataUrl: env.EMULATOR_MASTERDATA_URL } : {}),
    ...(env.EMULATOR_MASTERDATA_TOKEN ? { masterDataToken: env.EMULATOR_MASTERDATA_TOKEN } : {}),
    ...(env.EMULATOR_CALLOUT_URL && env.EMULATOR_CALLOUT_SECRET
      ? { callout: { url: env.EMULATOR_CALLOUT_URL, secret: env.EMULATOR_CALLOUT_SECRET } }
      : {}),
    ...(env.EMULATOR_MAX_UPLOAD_BYTES ? { maxUploadBytes: env.EMULATOR_MAX_UPLOAD_BYTES } : {}),
  });
  console.log(
    `xECM emulator listening on ${emulator.url} (Content Server REST at ${emulator.url}/api, OTDS at ${emulator.url}/otdsws)`,
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${env.EMULATOR_PORT} is already in use (set EMULATOR_PORT).`
      : `Emulator failed to start: ${String(error)}`,
  );
  process.exit(1);
}
