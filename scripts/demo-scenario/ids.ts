import type { Random } from './random';

/** X's snowflake epoch (2010-11-04T01:42:54.657Z). */
const TWITTER_EPOCH_MS = 1288834974657n;

/** A snowflake id for an instant: id order is time order; `seq` fills the low 22 bits. */
export function snowflake(ms: number, seq: number): string {
  return (((BigInt(Math.floor(ms)) - TWITTER_EPOCH_MS) << 22n) | BigInt(seq & 0x3fffff)).toString();
}

const HEX = '0123456789abcdef';
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A bearer token for the emulated X account. */
export function xToken(random: Random): string {
  return `demo-x-${random.string(40, HEX)}`;
}

/** A Page access token, shaped like Graph's (`EAA…`). */
export function pageToken(random: Random): string {
  return `EAAdemo${random.string(60, ALPHANUMERIC)}`;
}
