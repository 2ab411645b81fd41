/**
 * Progress of a long command on stderr. In a terminal, one line redrawn in place: the phase, the
 * count and the seconds elapsed. On a pipe or in CI (where redrawing only garbles logs), one line
 * per finished phase. Colour only in a terminal, and never with NO_COLOR set.
 */
import type { CliIo } from "./io.ts";

export interface Progress {
  /** A new phase begins (the previous one ends); `total` when the amount of work is known. */
  phase(name: string, total?: number): void;
  /** `count` more items of the current phase are done. */
  advance(count?: number): void;
  /** Ends the last phase and clears the line. */
  finish(): void;
}

/** Redraws at most this often in a terminal. */
const REDRAW_MS = 100;

interface Phase {
  name: string;
  total: number | undefined;
  done: number;
  startedAt: number;
}

function counted(phase: Phase): string {
  if (phase.total === undefined) return phase.done > 0 ? ` ${phase.done}` : "";
  return ` ${phase.done}/${phase.total}`;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)}s`;
}

export function createProgress(io: CliIo, command: string, now: () => number = () => performance.now()): Progress {
  const live = io.isTTY === true && !io.env["CI"];
  const colour = live && !io.env["NO_COLOR"];
  const dim = (text: string) => (colour ? `\u001b[2m${text}\u001b[22m` : text);
  const startedAt = now();
  let current: Phase | undefined;
  let drawnAt = -Infinity;

  const draw = (force: boolean) => {
    if (!live || !current) return;
    const time = now();
    if (!force && time - drawnAt < REDRAW_MS) return;
    drawnAt = time;
    io.stderr(`\r\u001b[2K${command}: ${current.name}${counted(current)} ${dim(seconds(time - startedAt))}`);
  };
  const endPhase = () => {
    if (!current || live) return;
    io.stderr(`${command}: ${current.name}${counted(current)} in ${seconds(now() - current.startedAt)}\n`);
  };

  return {
    phase(name, total) {
      endPhase();
      current = { name, total, done: 0, startedAt: now() };
      draw(true);
    },
    advance(count = 1) {
      if (!current) return;
      current.done += count;
      draw(false);
    },
    finish() {
      endPhase();
      if (live && current) io.stderr("\r\u001b[2K");
      current = undefined;
    },
  };
}
