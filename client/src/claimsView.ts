// The claims view: a tree in the Explorer, claims first (conflicts on top),
// each expanding to its sources, each source to its figures; clicking a figure
// opens its place. Data from the server's `triangulate/claims` request.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClaimsRequest, type ClaimFigureItem, type ClaimItem, type ClaimSourceItem } from '../../server/src/protocol';

type Node =
  | { type: 'claim'; claim: ClaimItem }
  | { type: 'source'; claim: ClaimItem; source: ClaimSourceItem }
  | { type: 'figure'; figure: ClaimFigureItem }
  | { type: 'message'; text: string };

export class ClaimsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  conflictsOnly = false;
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private version = -1;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  /** The analysis changed: refresh, at most a few times a second. */
  versionChanged(version: number): void {
    if (version === this.version) return;
    this.version = version;
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = undefined; this.refresh(); }, 300);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const c = this.client();
      if (!c?.isRunning()) return [{ type: 'message', text: 'The Triangulate server is starting…' }];
      try {
        const result = await c.sendRequest(ClaimsRequest, { conflictsOnly: this.conflictsOnly });
        if (!result.claims.length) return [{ type: 'message', text: this.conflictsOnly ? 'No conflicts found' : 'No claims yet' }];
        const nodes: Node[] = result.claims.map(claim => ({ type: 'claim', claim }));
        if (result.total > result.claims.length) nodes.push({ type: 'message', text: `… and ${result.total - result.claims.length} more claims` });
        return nodes;
      } catch {
        return [{ type: 'message', text: 'Claims are not available (see the Triangulate output)' }];
      }
    }
    if (node.type === 'claim') return node.claim.sources.map(source => ({ type: 'source', claim: node.claim, source }));
    if (node.type === 'source') return node.source.figures.map(figure => ({ type: 'figure', figure }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'message':
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      case 'claim': {
        const c = node.claim;
        const item = new vscode.TreeItem(c.label, c.status === 'conflict' && !c.resolved ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `claim:${c.id}`;
        item.description = c.values.join(' · ');
        item.iconPath = new vscode.ThemeIcon(c.status === 'conflict' ? (c.resolved ? 'pass' : 'warning') : c.status === 'agree' ? 'check' : 'circle-outline');
        item.tooltip = `${c.status === 'conflict' ? (c.resolved ? 'Conflict (resolved)' : 'Sources conflict') : c.status === 'agree' ? 'Sources agree' : 'One source'}: ${c.values.join(', ')}`;
        item.contextValue = `claim.${c.status}`;
        return item;
      }
      case 'source': {
        const s = node.source;
        const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `source:${node.claim.id}:${s.uri}`;
        item.resourceUri = vscode.Uri.parse(s.uri);
        item.description = [s.outlet, s.published].filter(Boolean).join(', ') || undefined;
        item.iconPath = vscode.ThemeIcon.File;
        return item;
      }
      case 'figure': {
        const f = node.figure;
        const item = new vscode.TreeItem(f.text, vscode.TreeItemCollapsibleState.None);
        item.id = `figure:${f.id}`;
        item.description = `${f.value} · line ${f.range.start.line + 1}${f.verdict ? ` · ${f.verdict}` : ''}`;
        item.iconPath = new vscode.ThemeIcon('symbol-number');
        item.command = { command: 'triangulate.revealFigure', title: 'Open', arguments: [{ uri: f.uri, range: f.range }] };
        return item;
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.emitter.dispose();
  }
}
