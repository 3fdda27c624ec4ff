// Progress on stderr: one line redrawn with \r on a terminal; elsewhere (CI, logs) a plain line every few seconds.

export interface Progress {
  tick(n: number): void;
  done(): void;
}

export const silentProgress: Progress = { tick() {}, done() {} };

const fmt = (s: number) =>
  s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${s.toFixed(0)}s`;

export function stderrProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const tty = Boolean(stream.isTTY);
  let done = 0;
  let lastDraw = 0;
  const line = () => {
    const secs = (Date.now() - started) / 1000;
    const frac = total ? Math.min(1, done / total) : 1;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 ? (total - done) / rate : 0;
    const width = 30;
    const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
    return `${label} [${bar}] ${(frac * 100).toFixed(1)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} rows, ${Math.round(rate).toLocaleString('en')}/s, ${fmt(secs)} elapsed, ETA ${fmt(eta)}`;
  };
  return {
    tick(n) {
      done += n;
      const now = Date.now();
      if (tty && now - lastDraw > 200) {
        stream.write(`\r${line()}\x1b[K`);
        lastDraw = now;
      } else if (!tty && now - lastDraw > 5000) {
        stream.write(`${line()}\n`);
        lastDraw = now;
      }
    },
    done() {
      stream.write(tty ? `\r${line()}\x1b[K\n` : `${line()}\n`);
    },
  };
}
