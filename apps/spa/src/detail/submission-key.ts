/**
 * The Idempotency-Key of each application attempt (docs/reference/v1.md#s9-1): sending the same application again (a retry
 * after a network cut or a server error) reuses its key, so the server replays or finishes the first attempt
 * instead of sending a second copy; an application whose content changed gets a new key.
 */
export function submissionKeys(
  newKey: () => string = () => crypto.randomUUID(),
): (payload: unknown) => string {
  let last: { fingerprint: string; key: string } | null = null;
  return (payload) => {
    const fingerprint = JSON.stringify(payload);
    if (last?.fingerprint !== fingerprint) last = { fingerprint, key: newKey() };
    return last.key;
  };
}
