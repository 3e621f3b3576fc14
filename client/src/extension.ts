// The VS Code client: starts the Triangulate language server, and adds the
// claims view, the status-bar item, the output channel and a few commands.
// Everything else (highlighting, hovers, diagnostics, navigation) is plain LSP.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusNotification } from '../../server/src/protocol';
import { ClaimsTree } from './claimsView';
import { StatusItem } from './statusItem';
import { revealFigure } from './reveal';

let client: LanguageClient | undefined;

function documentSelector(): LanguageClientOptions['documentSelector'] {
  const selector: { scheme: string; language: string }[] = [
    { scheme: 'file', language: 'article' },
    { scheme: 'file', language: 'plaintext' },
  ];
  if (vscode.workspace.getConfiguration('triangulate').get<boolean>('markdown', false)) selector.push({ scheme: 'file', language: 'markdown' });
  return selector;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    // Errors go to the output channel; no pop-ups with stack traces.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: { customMessages: true },
    markdown: { isTrusted: false, supportHtml: false },
  };
  return new LanguageClient('triangulate', 'Triangulate', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Triangulate', { log: true });
  const tree = new ClaimsTree(() => client);
  const statusItem = new StatusItem();
  context.subscriptions.push(output, tree, statusItem);

  const treeView = vscode.window.createTreeView('triangulate.claims', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(treeView);
  const setFilter = async (conflictsOnly: boolean) => {
    tree.conflictsOnly = conflictsOnly;
    treeView.description = conflictsOnly ? 'conflicts only' : undefined;
    await vscode.commands.executeCommand('setContext', 'triangulate.conflictsOnly', conflictsOnly);
    tree.refresh();
  };
  await setFilter(false);

  const start = async () => {
    client = createClient(context, output);
    client.onNotification(StatusNotification, status => {
      statusItem.update(status);
      tree.versionChanged(status.version);
    });
    try {
      await client.start();
    } catch (e) {
      output.error(`The Triangulate server did not start: ${e instanceof Error ? e.message : String(e)}`);
      statusItem.failed();
    }
  };
  const stop = async () => {
    const c = client;
    client = undefined;
    if (c) await c.stop().catch(() => undefined);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('triangulate.revealFigure', revealFigure),
    vscode.commands.registerCommand('triangulate.claims.conflictsOnly', () => setFilter(true)),
    vscode.commands.registerCommand('triangulate.claims.showAll', () => setFilter(false)),
    vscode.commands.registerCommand('triangulate.claims.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('triangulate.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('triangulate.restartServer', async () => { await stop(); await start(); tree.refresh(); }),
    vscode.workspace.onDidChangeConfiguration(async e => {
      // The document selector depends on the Markdown opt-in: restart to apply it.
      if (e.affectsConfiguration('triangulate.markdown')) { await stop(); await start(); tree.refresh(); }
    }),
    { dispose: () => { void stop(); } },
  );
  await start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
