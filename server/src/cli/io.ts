// Where a command writes and which folder it runs in: the process by default,
// anything else when the CLI is driven from code.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

let pipeGuard = false;

export function processIo(): CliIo {
  if (!pipeGuard) {
    pipeGuard = true;
    // `triangulate check | head`: a reader that goes away is not an error.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  return {
    stdout: text => { process.stdout.write(text); },
    stderr: text => { process.stderr.write(text); },
    cwd: process.cwd(),
  };
}

/** The tool's name and version, from package.json. */
export function toolInfo(): { name: string; version: string; informationUri?: string } {
  try {
    // out/server/src/cli/io.js -> package.json at the repository root
    const pkg = require('../../../../package.json') as { name?: string; version?: string; homepage?: string };
    return { name: pkg.name ?? 'triangulate', version: pkg.version ?? '0.0.0', ...(pkg.homepage ? { informationUri: pkg.homepage } : {}) };
  } catch {
    return { name: 'triangulate', version: '0.0.0' };
  }
}
