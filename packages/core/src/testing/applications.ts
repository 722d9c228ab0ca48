import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { openCompanyToken, sealCompanyToken } from "../crypto/email-token";
import { createTestDb } from "./db";
import { testConfig, testDeps } from "./deps";
import { insertCompany, insertRecruiter } from "./factories";
import { MailRefusedError, type Mailer, type MailMessage } from "../mail/mailer";
import type { ApplicationDeps } from "../applications/deps";
import type { ApplicationRequest } from "../applications/input";

export interface CapturingMailer extends Mailer {
  sent: (MailMessage & { messageId: string })[];
  /** Makes every later send to this address fail. */
  failFor: Set<string>;
}

export function capturingMailer(): CapturingMailer {
  const sent: CapturingMailer["sent"] = [];
  const failFor = new Set<string>();
  return {
    sent,
    failFor,
    async send(message) {
      if (failFor.has(message.to)) throw new MailRefusedError("smtp refused");
      const messageId = `msg-${sent.length + 1}`;
      sent.push({ ...message, messageId });
      return { messageId };
    },
  };
}

/** Application deps over a throwaway database, with a capturing mailer and the clock at `at`. */
export function applicationTestDeps(
  overrides: Partial<ApplicationDeps> & { at?: string } = {},
): ApplicationDeps & { mailer: CapturingMailer } {
  const { at = "2024-05-15T10:00:00.000Z", ...rest } = overrides;
  return {
    ...testDeps(createTestDb(), {
      config: testConfig({ publicUrl: "https://lba.example", allowedCallers: [] }),
      now: () => new Date(at),
    }),
    mailer: capturingMailer(),
    ...rest,
  } as ApplicationDeps & { mailer: CapturingMailer };
}

export const PDF_BYTES = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

export function dataUrl(bytes: Buffer, mime = "application/pdf"): string {
  return `data:${mime};base64,${bytes.toString("base64")}`;
}

/** A PDF of exactly `size` bytes: PDF_BYTES, padded with spaces inside a comment after its header line. */
export function pdfOfSize(size: number): Buffer {
  const header = Buffer.from("%PDF-1.4\n%");
  const rest = Buffer.concat([Buffer.from("\n"), PDF_BYTES.subarray("%PDF-1.4\n".length)]);
  const file = Buffer.alloc(size, 0x20);
  header.copy(file);
  rest.copy(file, size - rest.length);
  return file;
}

export interface ZipEntry {
  name: string;
  /** The bytes as stored (already deflated when `method` is 8). */
  data: Buffer;
  /** 0 stored, 8 deflated. */
  method?: 0 | 8;
  /** What the headers declare; defaults to the real size of a stored entry. */
  uncompressedSize?: number;
  crc?: number;
}

/** A zip file (local headers, central directory, end record), sizes and CRC as the entries declare them. */
export function zipBytes(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const method = entry.method ?? 0;
    const size = entry.uncompressedSize ?? entry.data.length;
    const crc = entry.crc ?? (method === 0 ? crc32(entry.data) : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCUMENT =
  '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';

/** A minimal Office Open XML package: enough for a content-based DOCX check. */
export function docxBytes(): Buffer {
  return zipBytes([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "word/document.xml", data: Buffer.from(DOCUMENT) },
  ]);
}

/**
 * A raw deflate stream of about `compressedBytes` that inflates to about 1,000 times as many zeros: a run of
 * zeros compressed once, then repeated (each copy only refers to the zeros before it), then a final empty block.
 */
export function deflateBomb(compressedBytes: number): Buffer {
  const window = Buffer.alloc(32 * 1024);
  const prefix = deflateRawSync(window, { finishFlush: constants.Z_SYNC_FLUSH });
  const segment = deflateRawSync(Buffer.alloc(4 * 1024 * 1024), {
    dictionary: window,
    finishFlush: constants.Z_SYNC_FLUSH,
  });
  const copies = Math.max(1, Math.ceil((compressedBytes - prefix.length) / segment.length));
  // BFINAL=1, fixed Huffman, end of block.
  return Buffer.concat([prefix, ...Array.from({ length: copies }, () => segment), Buffer.from([0x03, 0x00])]);
}

/**
 * A DOCX of about `size` bytes whose [Content_Types].xml inflates to about 1,000 times that, its headers
 * declaring `declaredSize` (the real content types' size by default: the headers lie).
 */
export function zipBombDocx(size = 1024 * 1024, declaredSize = Buffer.byteLength(CONTENT_TYPES)): Buffer {
  return zipBytes([
    { name: "[Content_Types].xml", data: deflateBomb(size), method: 8, uncompressedSize: declaredSize },
    { name: "word/document.xml", data: Buffer.from(DOCUMENT) },
  ]);
}

/** A company that can receive applications, with the token a search would give for its address. */
export function insertApplicationTarget(
  deps: ApplicationDeps,
  email = "rh@entreprise.example",
  siret = "12345678901234",
): { id: number; token: { email: string; iv: string } } {
  const at = deps.now().toISOString();
  const row = insertCompany(deps.db, {
    siret,
    email,
    raisonSociale: "Boulangerie Dupont",
    enseigne: null,
    createdAt: at,
    lastUpdateAt: at,
  });
  return {
    id: row.id,
    token: sealCompanyToken(deps.config.secret, { kind: "lba", siret, jobId: null, email }),
  };
}

/** The address an item's `contact` token opens to with `secret`; null when the item gives no token. */
export function tokenAddress(
  secret: string,
  contact: { email?: string | null; iv?: string | null } | null | undefined,
): string | null {
  if (!contact?.email || !contact.iv) return null;
  return openCompanyToken(secret, { email: contact.email, iv: contact.iv })?.email ?? null;
}

/**
 * A token of the first format, refused since decision 035: the address alone, sealed under the "company-email"
 * key, as servers sealed contacts before.
 */
export function addressOnlyToken(secret: string, email: string): { email: string; iv: string } {
  const iv = randomBytes(12);
  const key = createHash("sha256").update(`company-email\0${secret}`).digest();
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(email, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return { email: body.toString("hex"), iv: iv.toString("hex") };
}

/** A recruiter's active offer that can receive applications, with the token a search would give for it. */
export function insertOfferTarget(
  deps: ApplicationDeps,
  email = "recrutement@entreprise.example",
  siret = "12345678901234",
): { offerId: string; token: { email: string; iv: string } } {
  const at = deps.now().toISOString();
  const { offers } = insertRecruiter(
    deps.db,
    { siret, email, enseigne: "Boulangerie Dupont", createdAt: at, updatedAt: at },
    [{ libelle: "Boulanger H/F" }],
  );
  const offerId = offers[0]?.id ?? "";
  return {
    offerId,
    token: sealCompanyToken(deps.config.secret, { kind: "matcha", siret, jobId: offerId, email }),
  };
}

export function validRequest(
  token: { email: string; iv: string },
  overrides: Partial<ApplicationRequest> = {},
): ApplicationRequest {
  return {
    applicant_email: "Camille.Martin@example.org",
    applicant_first_name: "Camille",
    applicant_last_name: "Martin",
    applicant_phone: "0612345678",
    applicant_file_name: "cv-camille.pdf",
    applicant_file_content: dataUrl(PDF_BYTES),
    company_email: token.email,
    iv: token.iv,
    company_type: "lba",
    company_siret: "12345678901234",
    company_name: "Boulangerie Dupont",
    company_address: "1 rue de la Paix 75002 Paris",
    company_naf: "Boulangerie et boulangerie-pâtisserie",
    message: "Bonjour,\nje suis motivée <b>vraiment</b>.",
    caller: "partenaire@example.org mon-service",
    ...overrides,
  };
}
