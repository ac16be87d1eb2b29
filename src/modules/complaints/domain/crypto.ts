/**
 * The channel's cryptography, all from libsodium (sealed boxes, secretbox, Ed25519) and argon2id
 * (@node-rs/argon2): nothing home-made. docs/adr/0006-complaint-encryption.md explains the design.
 *
 * - Each report gets a random content key K. Everything the reporter sends (text, identity,
 *   messages, files) is encrypted with K (XSalsa20-Poly1305 secretbox, random nonce per blob).
 * - K is sealed to the agency's complaint box key (X25519 sealed box): handlers, who hold the box
 *   secret key wrapped under their own argon2id-derived key, can open it.
 * - K is also wrapped under argon2id(receipt): the reporter, with the receipt only, can read
 *   the handler's questions and add answers. The receipt itself is never stored.
 * - The agency's Ed25519 key signs acknowledgements; its secret half is wrapped under a key the
 *   server derives from its own secret, because signing happens while no handler is present.
 */
import type sodiumModule from 'libsodium-wrappers-sumo';
import { hashRaw } from '@node-rs/argon2';
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

type Sodium = typeof sodiumModule;
let ready: Sodium | undefined;
/**
 * libsodium is WebAssembly: loaded and initialised on first use (not at the server's start-up,
 * where it cost ~60 ms and ~10 MB — bench/startup.ts), then used synchronously.
 */
export async function sodium(): Promise<Sodium> {
  if (!ready) {
    const loaded = (await import('libsodium-wrappers-sumo')).default;
    await loaded.ready;
    ready = loaded;
  }
  return ready;
}
const S = (): Sodium => {
  if (!ready) throw new Error('libsodium not initialised: await sodium() first');
  return ready;
};

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const unb64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export interface AgencyKeyPair {
  boxPublic: Uint8Array;
  boxSecret: Uint8Array;
  signPublic: Uint8Array;
  signSecret: Uint8Array;
}

export function generateAgencyKeys(): AgencyKeyPair {
  const box = S().crypto_box_keypair();
  const sign = S().crypto_sign_keypair();
  return { boxPublic: box.publicKey, boxSecret: box.privateKey, signPublic: sign.publicKey, signSecret: sign.privateKey };
}

/**
 * Keys and nonces come from Node's CSPRNG (the kernel's getrandom, like libsodium's own native
 * randombytes). libsodium's WebAssembly build fetches its random bytes from JavaScript four at a
 * time, which was the largest share of the channel's libsodium time on the event loop.
 */
const random = (n: number): Uint8Array => new Uint8Array(randomBytes(n));

export const newContentKey = (): Uint8Array => random(S().crypto_secretbox_KEYBYTES);

/** nonce ‖ secretbox(data): authenticated, so a changed byte fails to open. */
export function encrypt(key: Uint8Array, data: Uint8Array | string): Uint8Array {
  const nonce = random(S().crypto_secretbox_NONCEBYTES);
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const box = S().crypto_secretbox_easy(bytes, nonce, key);
  const out = new Uint8Array(nonce.length + box.length);
  out.set(nonce, 0);
  out.set(box, nonce.length);
  return out;
}

export function decrypt(key: Uint8Array, blob: Uint8Array): Uint8Array {
  const n = S().crypto_secretbox_NONCEBYTES;
  return S().crypto_secretbox_open_easy(blob.subarray(n), blob.subarray(0, n), key);
}
export const decryptText = (key: Uint8Array, blob: Uint8Array): string => new TextDecoder().decode(decrypt(key, blob));

export const sealTo = (boxPublic: Uint8Array, data: Uint8Array | string): Uint8Array =>
  S().crypto_box_seal(typeof data === 'string' ? new TextEncoder().encode(data) : data, boxPublic);
export const openSealed = (sealed: Uint8Array, boxPublic: Uint8Array, boxSecret: Uint8Array): Uint8Array =>
  S().crypto_box_seal_open(sealed, boxPublic, boxSecret);

export const signDetached = (message: Uint8Array, signSecret: Uint8Array): Uint8Array => S().crypto_sign_detached(message, signSecret);
export function verifyDetached(signature: Uint8Array, message: Uint8Array, signPublic: Uint8Array): boolean {
  try {
    return S().crypto_sign_verify_detached(signature, message, signPublic);
  } catch {
    return false;
  }
}

/** argon2id cost of a secret: a handler's passphrase is low-entropy, the 16-digit receipt is not. */
export interface KdfParams {
  m: number;
  t: number;
}
export const PASSPHRASE_KDF: KdfParams = { m: 65536, t: 3 };
// 10^16 receipts × a few ms each is millions of CPU-years; a cheaper cost keeps submissions fast.
export const RECEIPT_KDF: KdfParams = { m: 8192, t: 2 };

export async function deriveKey(secret: string, salt: Uint8Array, p: KdfParams): Promise<Uint8Array> {
  const raw = await hashRaw(secret.normalize('NFC'), { algorithm: 2, memoryCost: p.m, timeCost: p.t, parallelism: 1, outputLen: 32, salt: Buffer.from(salt) });
  return new Uint8Array(raw);
}

export interface Wrapped {
  salt: string;
  blob: string;
  kdf: KdfParams;
}

export async function wrapWithSecret(secret: string, data: Uint8Array, kdf: KdfParams): Promise<Wrapped> {
  const salt = new Uint8Array(randomBytes(16));
  const key = await deriveKey(secret, salt, kdf);
  return { salt: b64(salt), blob: b64(encrypt(key, data)), kdf };
}

/** Undefined when the secret is wrong (the MAC fails), never a partial result. */
export async function unwrapWithSecret(secret: string, w: Wrapped): Promise<Uint8Array | undefined> {
  const key = await deriveKey(secret, unb64(w.salt), w.kdf);
  try {
    return decrypt(key, unb64(w.blob));
  } catch {
    return undefined;
  }
}

/** Keys the server derives from its own secret, one per purpose (HKDF-SHA256). */
export function serverKey(serverSecret: string, purpose: 'receipt-lookup' | 'signing-key' | 'totp' | 'abuse'): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', serverSecret, 'prongsai-complaints', purpose, 32));
}

/** Finds a report by receipt without storing the receipt: HMAC under a server key the database never sees. */
export const receiptLookup = (lookupKey: Uint8Array, agencyId: string, receipt: string): string =>
  createHmac('sha256', lookupKey).update(`${agencyId}:${receipt}`).digest('hex');
