// The JUnit report as a JUnit viewer reads it: well-formed XML (checked by a small strict
// parser: balanced tags, quoted attributes, only the five predefined entities, no raw `<`
// or `&` in text) with the testsuites → testsuite → testcase → failure structure and the
// counts the viewers display.
import { describe, expect, it } from 'vitest';
import { NOW, runCli, WORKSPACE_ROOT } from './cli';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.-]*';
const TOKEN = new RegExp(`<\\?xml[^?]*\\?>|<(${NAME})((?:\\s+${NAME}="[^"<]*")*)\\s*(/?)>|</(${NAME})>|([^<]+)`, 'gy');
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

/** Parses XML strictly enough to reject what a JUnit viewer would reject. */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(xml);
    if (!match) throw new Error(`not well-formed at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
    const [token, open, attrs, selfClosing, close, text] = match;
    const top = stack[stack.length - 1]!;
    if (open) {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of (attrs ?? '').matchAll(new RegExp(`(${NAME})="([^"]*)"`, 'g'))) {
        if (ENTITY.test(value!)) throw new Error(`bad entity in attribute ${key}`);
        if (key! in attributes) throw new Error(`duplicate attribute ${key}`);
        attributes[key!] = decode(value!);
      }
      const element: XmlElement = { name: open, attributes, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (close) {
      if (top.name !== close) throw new Error(`</${close}> closes <${top.name}>`);
      stack.pop();
    } else if (text !== undefined) {
      if (ENTITY.test(text)) throw new Error('a raw & in text');
      if (stack.length === 1 && text.trim() !== '') throw new Error('text outside the root element');
      top.text += decode(text);
    } else if (!token.startsWith('<?xml') || at !== 0) throw new Error('XML declaration not at the start');
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (root.children.length !== 1) throw new Error('not exactly one root element');
  return root.children[0]!;
}

const num = (e: XmlElement, key: string): number => Number(e.attributes[key]);

describe('JUnit output', () => {
  it('the strict parser rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a x=1/>')).toThrow();
    expect(() => parseXml('<a>fish & chips</a>')).toThrow();
    expect(parseXml('<?xml version="1.0"?>\n<a x="&quot;"><b/>t &amp; u</a>')).toMatchObject({ name: 'a', attributes: { x: '"' }, text: 't & u' });
  });

  const junit = runCli(['examples/invalid', 'examples/demo-project.yaml', '--format', 'junit', '--now', NOW, '--no-config-lookup'], { cwd: WORKSPACE_ROOT });
  const json = JSON.parse(runCli(['examples/invalid', 'examples/demo-project.yaml', '--format', 'json', '--now', NOW, '--no-config-lookup'], { cwd: WORKSPACE_ROOT }).stdout);

  it('is well-formed XML with the JUnit structure', () => {
    expect(junit.status).toBe(1);
    const suites = parseXml(junit.stdout);
    expect(suites.name).toBe('testsuites');
    for (const suite of suites.children) {
      expect(suite.name).toBe('testsuite');
      expect(suite.children.length).toBe(num(suite, 'tests'));
      expect(suite.children.filter((c) => c.children.some((f) => f.name === 'failure')).length).toBe(num(suite, 'failures'));
      for (const testcase of suite.children) {
        expect(testcase.name).toBe('testcase');
        expect(testcase.attributes).toMatchObject({ classname: suite.attributes.name, name: expect.any(String) });
      }
    }
    expect(num(suites, 'tests')).toBe(suites.children.reduce((n, s) => n + num(s, 'tests'), 0));
  });

  it('has one suite per file and one failure per finding, matching the JSON report', () => {
    const suites = parseXml(junit.stdout).children;
    expect(suites.map((s) => s.attributes.name)).toEqual(json.results.map((r: { filePath: string }) => r.filePath));
    const failures = suites.flatMap((s) => s.children.flatMap((c) => c.children.filter((f) => f.name === 'failure')));
    const findings = json.results.flatMap((r: { findings: { message: string; severity: string }[] }) => r.findings);
    expect(failures.map((f) => [f.attributes.message, f.attributes.type])).toEqual(findings.map((f: { message: string; severity: string }) => [f.message, f.severity]));
    const clean = suites.find((s) => s.attributes.name === 'examples/demo-project.yaml')!;
    expect(clean.children).toEqual([expect.objectContaining({ name: 'testcase', children: [] })]);
  });
});
