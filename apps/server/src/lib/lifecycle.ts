// Whether a server is shutting down, per deps object: readiness answers 503 while in-flight requests finish.
const draining = new WeakSet<object>();

export function markDraining(deps: object): void {
  draining.add(deps);
}

export function isDraining(deps: object): boolean {
  return draining.has(deps);
}
