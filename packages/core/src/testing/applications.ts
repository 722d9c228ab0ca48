import { crc32 } from "node:zlib";
import { sealEmail } from "../crypto/email-token";
import { createTestDb } from "./db";
import { testConfig, testDeps } from "./deps";
import { insertCompany } from "./factories";
import type { Mailer, MailMessage } from "../mail/mailer";
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
      if (failFor.has(message.to)) throw new Error("smtp refused");
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

/** A PDF of exactly `size` bytes (header, then padding inside a comment). */
export function pdfOfSize(size: number): Buffer {
  const file = Buffer.alloc(size, 0x20);
  PDF_BYTES.copy(file);
  return file;
}

/** A minimal Office Open XML package: enough for a content-based DOCX check. */
export function docxBytes(): Buffer {
  const entries: [string, string][] = [
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      "word/document.xml",
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    ],
  ];
  const parts: Buffer[] = [];
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    parts.push(header, Buffer.from(name), data);
  }
  return Buffer.concat(parts);
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
  return { id: row.id, token: sealEmail(deps.config.secret, email) };
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
