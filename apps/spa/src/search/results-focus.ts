// "C'est parti" on the home page opens the search page: the focus must then go to the results heading, as it
// does after a search from the search page itself (the form that had the focus is gone).
let pending = false;

/** Asks the next search page shown to put the focus on its results heading. */
export function focusResultsNext(): void {
  pending = true;
}

/** True once after focusResultsNext(). */
export function takeResultsFocus(): boolean {
  const asked = pending;
  pending = false;
  return asked;
}
