import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createSecretKey,
  randomFillSync,
  type KeyObject,
} from "node:crypto";

// Company e-mails leave the server only as AES-256-GCM tokens: `email` = hex(ciphertext + tag),
// `iv` = hex(12-byte nonce). GCM authenticates, so a tampered token is detected instead of decrypting
// to garbage (the original used unauthenticated AES-CTR).

const TAG_BYTES = 16;
const IV_BYTES = 12;

// A search seals hundreds of e-mails: derive each key once per secret (a process has one or two).
const keys = new Map<string, KeyObject>();
const MAX_KEYS = 16;

function keyOf(secret: string, purpose: string): KeyObject {
  const id = `${purpose}\0${secret}`;
  let key = keys.get(id);
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = createSecretKey(createHash("sha256").update(id).digest());
    keys.set(id, key);
  }
  return key;
}

// Nonces come from the CSPRNG in batches (one call per 341 tokens); each slice is used exactly once.
const ivPool = Buffer.alloc(IV_BYTES * 341);
let ivOffset = ivPool.length;

function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

export interface SealedToken {
  email: string;
  iv: string;
}

export function sealEmail(secret: string, email: string): SealedToken {
  const iv = freshIv();
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret, "company-email"), iv);
  const body = Buffer.concat([cipher.update(email, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return { email: body.toString("hex"), iv: iv.toString("hex") };
}

/** The e-mail of a token, or null when the token is malformed or was not issued with this secret. */
export function openEmail(secret: string, token: SealedToken): string | null {
  if (!/^[0-9a-f]{24}$/i.test(token.iv) || !/^(?:[0-9a-f]{2})+$/i.test(token.email)) return null;
  const body = Buffer.from(token.email, "hex");
  if (body.length <= TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      keyOf(secret, "company-email"),
      Buffer.from(token.iv, "hex"),
    );
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * A short public fingerprint (16 hex) of the secret that seals e-mails: stored beside tokens sealed ahead of
 * time (docs/decisions/031-items-stored-ready-to-send.md) so that a server with another secret never serves
 * them. A hash of the secret under its own purpose: it reveals nothing usable about the secret.
 */
export function sealingFingerprint(secret: string): string {
  return createHash("sha256").update(`sealing-fingerprint\0${secret}`).digest("hex").slice(0, 16);
}
