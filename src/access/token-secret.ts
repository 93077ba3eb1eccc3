import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Token secrets: `jx_` and 32 random bytes in base64url (256 bits, so a stored hash needs no
 * salt or slow hash: nothing short enough to guess goes into it). The prefix lets a secret
 * scanner or a person recognise a jixiao token in a log or a paste.
 */
export const TOKEN_PREFIX = 'jx_';

/** A new secret, to be shown once and never stored. */
export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** The SHA-256 of a secret: what is compared when a request presents it. */
export function tokenDigest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** What the tokens file stores of a secret: its SHA-256, in hex. */
export function hashTokenSecret(secret: string): string {
  return tokenDigest(secret).toString('hex');
}

/**
 * Whether a presented secret hashes to a stored hash. Both sides are 32-byte digests compared
 * with timingSafeEqual, so the time taken does not tell how much of a guess was right.
 */
export function secretMatches(presentedHash: Buffer, storedHex: string): boolean {
  const stored = Buffer.from(storedHex, 'hex');
  return stored.length === presentedHash.length && timingSafeEqual(presentedHash, stored);
}
