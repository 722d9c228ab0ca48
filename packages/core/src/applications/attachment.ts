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

/** docs/reference/v1.md#s9-2 step 5, stricter: the name must end in .pdf/.docx and the bytes must really be that type. */
export async function parseAttachment(fileName: string, dataUrl: string): Promise<Attachment | null> {
  const extension = /\.(pdf|docx)$/i.exec(fileName)?.[1]?.toLowerCase() as keyof typeof ACCEPTED | undefined;
  if (!extension) return null;
  const match = /^data:[\w.+-]+\/[\w.+-]+(?:;[\w-]+=[^;,]*)*;base64,/i.exec(dataUrl);
  if (!match) return null;
  const base64 = dataUrl.slice(match[0].length).replace(/\s/g, "");
  // Refuse before decoding anything oversized; 4 base64 characters carry 3 bytes.
  if (base64.length > Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    return null;
  const content = Buffer.from(base64, "base64");
  if (content.length === 0 || content.length > MAX_ATTACHMENT_BYTES) return null;
  // Type detection inflates parts of a zip: its cost is bounded first (declared sizes, ratio, entries, total).
  if (looksLikeZip(content) && (await zipProblem(content)) !== null) return null;
  const detected = await fileTypeFromBuffer(content);
  if (detected?.ext !== extension) return null;
  return { name: fileName, contentType: ACCEPTED[extension], content };
}
