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
// to garbage (the original used unauthenticated AES-CTR). The token seals the company's identity with its
// address (docs/decisions/035-company-tokens-bind-identity.md): the application flow takes the kind, the SIRET
// and the offer from it, never from the caller's fields.

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

/** The kinds of items whose contact is sealed; only lba, lbb and matcha tokens are accepted by applications. */
export const TOKEN_KINDS = ["lba", "lbb", "matcha", "peJob"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** What a company token holds. */
export interface CompanyToken {
  kind: TokenKind;
  /** The company's SIRET as the data gives it; null when the data has none ("" seals as null). */
  siret: string | null;
  /** A recruiter offer's id (its item's `job.id`); null for a company ("" seals as null). */
  jobId: string | null;
  email: string;
}

// The token format: the key's purpose, so that a token of another format never opens (the first format sealed the
// address alone, under "company-email"), and part of the sealing fingerprint, so that items stored in another
// format are stored again (docs/decisions/031-items-stored-ready-to-send.md).
const TOKEN_FORMAT = "company-token-2";

// Plaintext: one byte for the kind, the SIRET, the offer id, then the address in UTF-8. A field is one header byte:
// 0 for null; 0x80 + n for n lowercase hex or decimal digits packed two per byte (a SIRET takes 8 bytes, a
// 24-hex offer id 13); else n (1 to 127) for n bytes of UTF-8. Tokens are in every search item: kept short.
const PACKED = 0x80;
const DIGITS = /^[0-9a-f]{1,127}$/;

function field(value: string | null): Buffer {
  if (!value) return Buffer.of(0);
  if (DIGITS.test(value)) {
    const padded = value.length % 2 ? `${value}0` : value;
    return Buffer.concat([Buffer.of(PACKED + value.length), Buffer.from(padded, "hex")]);
  }
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length >= PACKED) throw new RangeError(`company token field over ${PACKED - 1} bytes`);
  return Buffer.concat([Buffer.of(bytes.length), bytes]);
}

/** The field at `at` and the offset after it, or null when the plaintext is too short for it. */
function readField(plain: Buffer, at: number): { value: string | null; next: number } | null {
  const header = plain[at];
  if (header === undefined) return null;
  if (header === 0) return { value: null, next: at + 1 };
  const packed = header > PACKED;
  const length = packed ? Math.ceil((header - PACKED) / 2) : header;
  const next = at + 1 + length;
  if (header === PACKED || next > plain.length) return null;
  const bytes = plain.subarray(at + 1, next);
  return {
    value: packed ? bytes.toString("hex").slice(0, header - PACKED) : bytes.toString("utf8"),
    next,
  };
}

/**
 * Seals a company's identity and address into an opaque token (hex), with a fresh nonce each time. Throws a
 * RangeError for a SIRET or offer id of more than 127 bytes (that is no SIRET or offer id of the data).
 */
export function sealCompanyToken(secret: string, token: CompanyToken): SealedToken {
  const plain = Buffer.concat([
    Buffer.of(TOKEN_KINDS.indexOf(token.kind)),
    field(token.siret),
    field(token.jobId),
    Buffer.from(token.email, "utf8"),
  ]);
  const iv = freshIv();
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret, TOKEN_FORMAT), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return { email: body.toString("hex"), iv: iv.toString("hex") };
}

/**
 * What a token holds, or null when it is malformed, was not issued with this secret, or is of another format (the
 * address-only tokens issued before this one).
 */
export function openCompanyToken(secret: string, token: SealedToken): CompanyToken | null {
  if (!/^[0-9a-f]{24}$/i.test(token.iv) || !/^(?:[0-9a-f]{2})+$/i.test(token.email)) return null;
  const body = Buffer.from(token.email, "hex");
  if (body.length <= TAG_BYTES) return null;
  let plain: Buffer;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      keyOf(secret, TOKEN_FORMAT),
      Buffer.from(token.iv, "hex"),
    );
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    plain = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
  const kind = TOKEN_KINDS[plain[0] ?? -1];
  const siret = readField(plain, 1);
  const jobId = siret && readField(plain, siret.next);
  if (!kind || !jobId || jobId.next >= plain.length) return null;
  return { kind, siret: siret.value, jobId: jobId.value, email: plain.subarray(jobId.next).toString("utf8") };
}

/**
 * A short public fingerprint (16 hex) of the secret and the token format that seal e-mails: stored beside tokens
 * sealed ahead of time (docs/decisions/031-items-stored-ready-to-send.md) so that a server with another secret, or
 * code of another token format, never serves them and stores them again. A hash of the secret under its own
 * purpose: it reveals nothing usable about the secret.
 */
export function sealingFingerprint(secret: string): string {
  return createHash("sha256")
    .update(`sealing-fingerprint\0${TOKEN_FORMAT}\0${secret}`)
    .digest("hex")
    .slice(0, 16);
}
