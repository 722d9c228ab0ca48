import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Company e-mails leave the server only as AES-256-GCM tokens: `email` = hex(ciphertext + tag),
// `iv` = hex(12-byte nonce). GCM authenticates, so a tampered token is detected instead of decrypting
// to garbage (the original used unauthenticated AES-CTR).

const TAG_BYTES = 16;

function keyOf(secret: string, purpose: string): Buffer {
  return createHash("sha256").update(`${purpose}\0${secret}`).digest();
}

export interface SealedToken {
  email: string;
  iv: string;
}

export function sealEmail(secret: string, email: string): SealedToken {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret, "company-email"), iv);
  const body = Buffer.concat([cipher.update(email, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return { email: body.toString("hex"), iv: iv.toString("hex") };
}

/** The e-mail of a token, or null when the token is malformed or was not issued with this secret. */
export function openEmail(secret: string, token: SealedToken): string | null {
  if (!/^[0-9a-f]{24}$/i.test(token.iv) || !/^[0-9a-f]+$/i.test(token.email)) return null;
  const body = Buffer.from(token.email, "hex");
  if (body.length <= TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secret, "company-email"), Buffer.from(token.iv, "hex"));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
