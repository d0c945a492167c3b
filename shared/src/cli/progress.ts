// A progress line on stderr while a folder of reports is checked: only on a terminal (never in a pipe or a
// log file), at most ten updates a second, erased when the run ends or before anything else goes to stderr.

export interface ProgressIo {
  stderr(text: string): void;
  stderrIsTTY?: boolean;
}

const ERASE_LINE = '\r\x1b[K';
const INTERVAL_MS = 100;

export class Progress {
  private shown = false;
  private last = 0;
  private readonly enabled: boolean;
  private readonly verb: string;
  private readonly now: () => number;

  constructor(
    private readonly io: ProgressIo,
    private readonly total: number,
    options: { quiet?: boolean; verb: string; now?: () => number },
  ) {
    this.enabled = io.stderrIsTTY === true && options.quiet !== true && total > 1;
    this.verb = options.verb;
    this.now = options.now ?? Date.now;
  }

  /** `done` files of the total are finished; `file` is the one being read now. */
  update(done: number, file: string): void {
    if (!this.enabled) return;
    const now = this.now();
    if (this.shown && now - this.last < INTERVAL_MS) return;
    this.last = now;
    this.shown = true;
    const percent = Math.floor((done / this.total) * 100);
    this.io.stderr(`${ERASE_LINE}${this.verb} ${done}/${this.total}（${percent}%）${shorten(file)}`);
  }

  /** Erases the line (before another message on stderr, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.io.stderr(ERASE_LINE);
  }
}

/** The end of a long path, so that the line fits a terminal. */
function shorten(file: string, max = 50): string {
  return file.length <= max ? file : '…' + file.slice(file.length - max + 1);
}
