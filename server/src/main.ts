// Entry point of the language server: `node dist/server.js --stdio` (or
// `--node-ipc`, `--socket=PORT`, as vscode-languageserver understands them).
// With no transport flag, stdio is used, so any editor can start it plainly:
//   Neovim:  vim.lsp.start({ name = 'triangulate', cmd = { 'node', '/path/to/dist/server.js', '--stdio' },
//                            root_dir = vim.fs.root(0, { 'triangulate.yaml', '.git' }) })
//   Helix:   [language-server.triangulate] command = "node", args = ["/path/to/dist/server.js", "--stdio"]
// Settings come from `workspace/configuration` (section `triangulate`) or, for
// clients without it, from `initializationOptions.settings`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

if (!process.argv.some(a => /^--(stdio|node-ipc|socket|pipe)/.test(a))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);

// Never die of a stray error: log it through the connection instead.
process.on('uncaughtException', e => connection.console.error(`Uncaught error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
process.on('unhandledRejection', e => connection.console.error(`Unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));

startServer(connection);
connection.listen();
