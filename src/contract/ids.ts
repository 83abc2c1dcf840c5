import * as z from 'zod/mini';

/** xECM node ids as they appear in BFF paths: 1 to 12 digits, nothing else. */
export const NODE_ID_PATTERN = /^[0-9]{1,12}$/;
export const NodeId = z.string().check(z.regex(NODE_ID_PATTERN));

/** Timestamps on the wire are ISO 8601 with an offset (normally `Z`). */
export const Timestamp = z.iso.datetime({ offset: true });
