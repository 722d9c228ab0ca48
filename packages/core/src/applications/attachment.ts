import { fileTypeFromBuffer } from "file-type";
import { looksLikeZip, zipProblem } from "./zip-limits";

/** 3 MB decoded, the limit the apply form announces (docs/reference/v1.md#s10-2). */
export const MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;

const ACCEPTED = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

export interface Attachment {
  name: string;
  contentType: string;
  content: Buffer;
}

/**
 * docs/reference/v1.md#s9-2 step 5, stricter: the name must end in .pdf/.docx, the content be strict base64, and the
 * bytes really be that type (a PDF whole, with its `%%EOF`). null: `pièce jointe invalide`.
 */
export async function parseAttachment(fileName: string, dataUrl: string): Promise<Attachment | null> {
  const extension = /\.(pdf|docx)$/i.exec(fileName)?.[1]?.toLowerCase() as keyof typeof ACCEPTED | undefined;
  if (!extension) return null;
  const match = /^data:[\w.+-]+\/[\w.+-]+(?:;[\w-]+=[^;,]*)*;base64,/i.exec(dataUrl);
  if (!match) return null;
  const base64 = dataUrl.slice(match[0].length).replace(/\s/g, "");
  // Refuse before decoding anything oversized; 4 base64 characters carry 3 bytes. Strict base64 (whole groups of
  // 4, padded): Node's decoder silently drops what does not fit, which would send the company another file.
  if (base64.length > Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 || !isStrictBase64(base64)) return null;
  const content = Buffer.from(base64, "base64");
  if (content.length === 0 || content.length > MAX_ATTACHMENT_BYTES) return null;
  // Type detection inflates parts of a zip: its cost is bounded first (declared sizes, ratio, entries, total).
  if (looksLikeZip(content) && (await zipProblem(content)) !== null) return null;
  const detected = await fileTypeFromBuffer(content);
  if (detected?.ext !== extension) return null;
  // file-type only reads "%PDF": a PDF must also have its version and its end.
  if (extension === "pdf" && !isWholePdf(content)) return null;
  return { name: fileName, contentType: ACCEPTED[extension], content };
}

function isStrictBase64(value: string): boolean {
  return value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value);
}

/** Where readers look for the end-of-file marker: within the last 1024 bytes (ISO 32000-1, Annex H). */
const PDF_TAIL_BYTES = 1024;

/** A PDF header with its version (`%PDF-1.7`), and the `%%EOF` marker near the end: not a truncated file. */
function isWholePdf(content: Buffer): boolean {
  const header = content.subarray(0, 8).toString("latin1");
  return /^%PDF-\d\.\d$/.test(header) && content.subarray(-PDF_TAIL_BYTES).includes("%%EOF");
}
