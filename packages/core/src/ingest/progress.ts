/** Where a long import writes its progress lines (the CLI: stderr); silent when absent. */
export type ProgressWriter = (line: string) => void;

const number = new Intl.NumberFormat("en-US");

/**
 * One line every `intervalMs` (checked every 1000 records, so the clock is read rarely) while a file is
 * read, then one at the end: "companies: 120,000 read, 119,500 kept, 500 rejected (12.3 s)".
 */
export class Progress {
  private readonly started: number;
  private last: number;

  constructor(
    private readonly label: string,
    private readonly write: ProgressWriter | undefined,
    private readonly intervalMs = 5_000,
    private readonly clock: () => number = Date.now,
  ) {
    this.started = clock();
    this.last = this.started;
  }

  tick(read: number, kept: number, rejected: number): void {
    if (!this.write || read % 1000 !== 0) return;
    const now = this.clock();
    if (now - this.last < this.intervalMs) return;
    this.last = now;
    this.print(read, kept, rejected, now);
  }

  done(read: number, kept: number, rejected: number, what = "read"): void {
    this.print(read, kept, rejected, this.clock(), what);
  }

  private print(read: number, kept: number, rejected: number, now: number, what = "read"): void {
    this.write?.(
      `${this.label}: ${number.format(read)} ${what}, ${number.format(kept)} kept, ${number.format(rejected)} rejected (${((now - this.started) / 1000).toFixed(1)} s)`,
    );
  }
}
