/**
 * `atlas` command dispatcher. Each command lives in its own module and exports
 * `run(args: string[], io: CliIO): Promise<number>` returning the exit code.
 */
export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (args: string[], io: CliIO) => Promise<number> }> }> = {
  geoparse: { summary: 'find and resolve place names: atlas geoparse FILE... | --jsonl [--gold-spans] < in.jsonl', load: () => import('./geoparse') },
  serve: { summary: 'the dashboard with the stored articles: atlas serve [--rebuild] (HOST, PORT)', load: () => import('./serve') },
  extract: { summary: 'incidents and supply routes as GeoJSON: atlas extract FILE... [-o OUT] [--format geojson|csv|kml]', load: () => import('./extract') },
  import: { summary: "articles into the dashboard's database: atlas import FILE|DIR... [--db PATH]", load: () => import('./import') },
  backup: { summary: "a consistent copy of the dashboard's database, also while it runs: atlas backup FILE [--db PATH]", load: () => import('./backup') }
};

function usage(): string {
  return ['usage: atlas COMMAND [options]', '', ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)].join('\n') + '\n';
}

export async function main(args: string[], io: CliIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '-h' || name === '--help') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`atlas: unknown command '${name}'\n` + usage());
    return 2;
  }
  try {
    const mod = await command.load();
    return await mod.run(rest, io);
  } catch (err) {
    io.stderr.write(`atlas ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
