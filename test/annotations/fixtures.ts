// Invented article snippets and an annotation file for the annotation tests (not real articles).

export const harbor = [
  'Port Ellery, March 3, 2025 - The Harbor Authority said on Monday that cargo volume reached 4.2 million tonnes last year,',
  'up 6 percent from 2023. Authority chair Mira Okonkwo told reporters the new crane contract, worth $310 million, would be',
  'signed by the end of April.',
  '',
  'Okonkwo said the port expects 5 million tonnes by 2027. "We are not there yet," she said.',
].join('\n');

export const gazette = [
  'The Ellery Gazette - 4 March 2025',
  '',
  'Cargo through Port Ellery rose to 4.4 million tonnes in 2024, according to the Harbor Authority.',
  'Chairwoman Okonkwo confirmed a crane deal of about $300 million with Nordlift AS.',
  'Read also: Ten things to do in Port Ellery this weekend',
].join('\n');

/** An annotation file as a person would write it: comments, blank lines, odd spacing, flow and block styles. */
export const annotated = `# Annotations for the harbor story.
version: 1

sources:
  harbor.txt:
    outlet:   Coastal Wire      # wire service
    published: 2025-03-03
    url: https://example.test/harbor
    reliability: high
  gazette.txt: { outlet: The Ellery Gazette, published: 2025-03-04 }

entities:
  - name: Mira Okonkwo
    kind: person
    aliases: [Okonkwo, Chairwoman Okonkwo]
  - name: Harbor Authority
    kind: organization

not_entities:
  - Read also

tags:
  - { file: gazette.txt, exact: Nordlift AS, kind: organization }

claims:
  - id: cargo-2024
    label: Cargo volume in 2024
    figures:
      - { file: harbor.txt, exact: 4.2 million tonnes, prefix: "cargo volume reached ", suffix: " last year" }
      - { file: gazette.txt, exact: 4.4 million tonnes }

splits:
  - figures:
      - { file: harbor.txt, exact: 5 million tonnes }
      - { file: gazette.txt, exact: 4.4 million tonnes }
    note: a 2027 target, not a count

verdicts:
  - file: harbor.txt
    exact: "$310 million"
    verdict: accepted
    note: matches the tender notice

ignore:
  - claim: cargo-2024
  - { code: conflicting-figure, file: gazette.txt }
`;

export const articles = [
  { path: 'harbor.txt', id: 'file:///corpus/harbor.txt', text: harbor },
  { path: 'gazette.txt', id: 'file:///corpus/gazette.txt', text: gazette },
];

export function lookup(file: string): string | undefined {
  return articles.find(a => a.path === file)?.text;
}

/** Lines of `after` that are not in `before`'s line set, and lines of `before` missing from `after`. */
export function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const count = (lines: string[]) => { const m = new Map<string, number>(); for (const l of lines) m.set(l, (m.get(l) ?? 0) + 1); return m; };
  const b = count(before.split('\n'));
  const a = count(after.split('\n'));
  const added: string[] = [];
  const removed: string[] = [];
  for (const [l, n] of a) for (let i = (b.get(l) ?? 0); i < n; i++) added.push(l);
  for (const [l, n] of b) for (let i = (a.get(l) ?? 0); i < n; i++) removed.push(l);
  return { added, removed };
}
