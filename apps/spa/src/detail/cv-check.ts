export const MAX_CV_BYTES = 3_145_728;

export type CvProblem = "extension" | "size" | "content" | "empty";

export const CV_PROBLEM_MESSAGES: Record<CvProblem, string> = {
  extension: "Le CV doit être un fichier PDF ou DOCX.",
  size: "Le CV ne doit pas dépasser 3 Mo.",
  content: "Le contenu du fichier ne correspond pas à un PDF ou à un document Word (DOCX).",
  empty: "Le fichier est vide.",
};

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4"
const WORD_ENTRY = new TextEncoder().encode("word/");

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The browser side of the server's attachment rule: name ends in .pdf/.docx, at most 3 MB, and the bytes
 * are a PDF or a ZIP whose entry names (stored uncompressed) include the "word/" part of a DOCX.
 */
export function checkCv(name: string, bytes: Uint8Array): CvProblem | null {
  const extension = /\.(pdf|docx)$/i.exec(name)?.[1]?.toLowerCase();
  if (!extension) return "extension";
  if (bytes.length === 0) return "empty";
  if (bytes.length > MAX_CV_BYTES) return "size";
  if (extension === "pdf" && !startsWith(bytes, PDF_MAGIC)) return "content";
  if (extension === "docx" && !(startsWith(bytes, ZIP_MAGIC) && contains(bytes, WORD_ENTRY)))
    return "content";
  return null;
}

export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("lecture impossible"));
    reader.readAsDataURL(file);
  });
}
