function wallClock(date: Date, timeZone: string): { y: number; m: number; d: number; utcOfWall: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const [y, m, d] = [get("year"), get("month"), get("day")];
  return { y, m, d, utcOfWall: Date.UTC(y, m - 1, d, get("hour"), get("minute"), get("second")) };
}

/** The instant at which the calendar day containing `now` starts in `timeZone` (DST-safe). */
export function startOfDay(now: Date, timeZone: string): Date {
  const { y, m, d } = wallClock(now, timeZone);
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  // The zone's offset at midnight may differ from the one at `now` on a DST day: measure it there.
  let guess = midnightAsUtc - (wallClock(now, timeZone).utcOfWall - Math.floor(now.getTime() / 1000) * 1000);
  const offsetAtGuess = wallClock(new Date(guess), timeZone).utcOfWall - guess;
  guess = midnightAsUtc - offsetAtGuess;
  return new Date(guess);
}
