// The *.scenario format, after Spectral's test-harness: sections opened by ====name====.
//   ====test====            what the scenario shows (one line)
//   ====asset:<path>====    a file written into the scenario's empty working directory
//   ====asset-base64:<path>==== the same, for bytes that are not text
//   ====stdin====           standard input
//   ====command====         a shell command; {bin} runs the built bundle
//   ====status====          the expected exit code
//   ====stdout====          the exact expected standard output ({cwd}, {version} substituted)
//   ====stdout-json====     a JSON value the standard output must contain (subset match)
//   ====stdout-contains==== lines that must each appear in the standard output
//   ====stderr====          the exact expected standard error
//   ====stderr-contains==== lines that must each appear in the standard error
// A section's content is every line after its marker up to the next marker, each line
// ending with a newline.

export interface Scenario {
  readonly name: string;
  readonly test: string;
  readonly assets: readonly { readonly path: string; readonly content: Buffer }[];
  readonly stdin?: string;
  readonly command: string;
  readonly status: number;
  readonly stdout?: string;
  readonly stdoutJson?: unknown;
  readonly stdoutContains?: readonly string[];
  readonly stderr?: string;
  readonly stderrContains?: readonly string[];
}

const MARKER = /^====([a-z0-9-]+)(?::(.+))?====$/;

const nonEmptyLines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

/** Parses a scenario file; throws on an unknown or missing section. */
export function parseScenario(name: string, text: string): Scenario {
  const sections: { key: string; arg?: string; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const marker = MARKER.exec(line);
    if (marker) sections.push({ key: marker[1]!, ...(marker[2] ? { arg: marker[2] } : {}), lines: [] });
    else if (sections.length > 0) sections[sections.length - 1]!.lines.push(line);
    else if (line.trim() !== '') throw new Error(`${name}: text before the first section`);
  }
  // A section holds its lines, each ending with a newline; an empty section is ''.
  // (So outputs always end with a newline, or are empty, as atlas-lint's are.)
  const last = sections[sections.length - 1];
  if (last && last.lines[last.lines.length - 1] === '') last.lines.pop();
  const content = (s: { lines: string[] }): string => (s.lines.length > 0 ? `${s.lines.join('\n')}\n` : '');
  const sectionContent = (key: string): string | undefined => {
    const s = sections.find((x) => x.key === key);
    return s ? content(s) : undefined;
  };

  const known = new Set(['test', 'asset', 'asset-base64', 'stdin', 'command', 'status', 'stdout', 'stdout-json', 'stdout-contains', 'stderr', 'stderr-contains']);
  for (const s of sections) if (!known.has(s.key)) throw new Error(`${name}: unknown section ====${s.key}====`);
  const test = sectionContent('test')?.trim();
  const command = sectionContent('command')?.trim();
  const status = sectionContent('status')?.trim();
  if (!test || !command || status === undefined) throw new Error(`${name}: test, command and status are required`);

  const stdout = sectionContent('stdout');
  const stdoutJson = sectionContent('stdout-json');
  const stdoutContains = sectionContent('stdout-contains');
  const stderr = sectionContent('stderr');
  const stderrContains = sectionContent('stderr-contains');
  const stdin = sectionContent('stdin');
  return {
    name,
    test,
    assets: sections
      .filter((s) => s.key === 'asset' || s.key === 'asset-base64')
      .map((s) => ({
        path: s.arg ?? '',
        content: s.key === 'asset' ? Buffer.from(content(s), 'utf8') : Buffer.from(content(s).replace(/\s+/g, ''), 'base64'),
      })),
    ...(stdin !== undefined ? { stdin } : {}),
    command,
    status: Number(status),
    ...(stdout !== undefined ? { stdout } : {}),
    ...(stdoutJson !== undefined ? { stdoutJson: JSON.parse(stdoutJson) } : {}),
    ...(stdoutContains !== undefined ? { stdoutContains: nonEmptyLines(stdoutContains) } : {}),
    ...(stderr !== undefined ? { stderr } : {}),
    ...(stderrContains !== undefined ? { stderrContains: nonEmptyLines(stderrContains) } : {}),
  };
}
