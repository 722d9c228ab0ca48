import { fromBuffer, type Entry, type ZipFile } from "yauzl";

// A DOCX is a zip: bound what reading it may cost before anything (file-type included) inflates it.
export const ZIP_LIMITS = {
  /** A CV's DOCX has a few dozen parts. */
  maxEntries: 1000,
  /** Declared uncompressed size of one part. */
  maxEntryBytes: 20 * 1024 * 1024,
  /** Declared (and, checked while inflating, real) uncompressed size of all the parts. */
  maxTotalBytes: 30 * 1024 * 1024,
  /** Uncompressed / compressed, for a part of more than 1 MB; XML rarely passes 30. */
  maxRatio: 100,
} as const;

const LARGE_ENTRY_BYTES = 1024 * 1024;

/** True when `bytes` starts like a zip file (local file header or empty archive). */
export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function open(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    ),
  );
}

function entrySizeProblem(entry: Entry): string | null {
  if (entry.uncompressedSize > ZIP_LIMITS.maxEntryBytes) return "entry too large";
  if (entry.uncompressedSize > 0 && entry.compressedSize === 0) return "entry of nothing";
  if (
    entry.uncompressedSize > LARGE_ENTRY_BYTES &&
    entry.uncompressedSize / entry.compressedSize > ZIP_LIMITS.maxRatio
  )
    return "compression ratio";
  return null;
}

/** Inflates one entry to nowhere; yauzl fails the stream as soon as it yields more than the declared size. */
function drain(zip: ZipFile, entry: Entry): Promise<void> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      stream.on("error", reject);
      stream.on("end", () => resolve());
      stream.resume();
    }),
  );
}

/**
 * Reads the central directory and inflates every part within the limits above; null when the archive is
 * acceptable, else why not. Memory stays at a few inflate buffers whatever the archive claims.
 */
export async function zipProblem(bytes: Buffer): Promise<string | null> {
  let zip: ZipFile;
  try {
    zip = await open(bytes);
  } catch {
    return "not a readable zip";
  }
  if (zip.entryCount > ZIP_LIMITS.maxEntries) {
    zip.close();
    return "too many entries";
  }
  let total = 0;
  try {
    return await new Promise<string | null>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", () => resolve(null));
      zip.on("entry", (entry: Entry) => {
        total += entry.uncompressedSize;
        const problem =
          entrySizeProblem(entry) ?? (total > ZIP_LIMITS.maxTotalBytes ? "archive too large" : null);
        if (problem) return resolve(problem);
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        drain(zip, entry).then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } catch {
    return "invalid entry";
  } finally {
    zip.close();
  }
}
