// The status-bar item: corpus size and conflicts, fed by `triangulate/status`.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export function statusText(s: StatusParams): string {
  const articles = `${s.documents} article${s.documents === 1 ? '' : 's'}`;
  if (s.indexing) return `$(sync~spin) Triangulate: ${articles}…`;
  const conflicts = `${s.conflicts} conflict${s.conflicts === 1 ? '' : 's'}`;
  return `${s.conflicts ? '$(warning)' : '$(check)'} ${articles}, ${conflicts}`;
}

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('triangulate.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Triangulate';
    this.item.text = '$(sync~spin) Triangulate';
    this.item.command = 'triangulate.claims.focus';
    this.item.show();
  }

  update(s: StatusParams): void {
    this.item.text = statusText(s);
    const lines = [
      `Triangulate: ${s.documents} article(s), ${s.figures} figure(s), ${s.entities} entit${s.entities === 1 ? 'y' : 'ies'}`,
      `${s.claims} claim(s) seen in several places, ${s.conflicts} in conflict`,
    ];
    if (s.skipped) lines.push(`${s.skipped} file(s) skipped as unreadable (see the Triangulate output)`);
    if (s.indexing) lines.push('Indexing…');
    this.item.tooltip = lines.join('\n');
    this.item.backgroundColor = s.conflicts ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  failed(): void {
    this.item.text = '$(error) Triangulate';
    this.item.tooltip = 'The Triangulate server is not running: see the Triangulate output';
    this.item.command = 'triangulate.showOutput';
  }

  dispose(): void {
    this.item.dispose();
  }
}
