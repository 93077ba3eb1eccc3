/** A progress bar on stderr for work that takes more than a second; silent on a non-terminal. */
export interface Progress {
  tick(n?: number): void;
  done(): void;
}

/** Starts a progress bar of `total` steps; it appears only after the first second. */
export function progress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const started = Date.now();
  let count = 0;
  let drawn = 0;
  const draw = (final: boolean) => {
    const now = Date.now();
    if (!stream.isTTY || (!final && (now - started < 1000 || now - drawn < 100))) return;
    drawn = now;
    const width = 30;
    const filled = total > 0 ? Math.round((count / total) * width) : width;
    const seconds = ((now - started) / 1000).toFixed(1);
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${count}/${total} ${seconds}s${final ? '\n' : ''}`,
    );
  };
  return {
    tick(n = 1) {
      count += n;
      draw(false);
    },
    done() {
      if (Date.now() - started >= 1000) draw(true);
    },
  };
}
