// Types of the LSP packages for `moduleResolution: node` (the root tsconfig):
// vscode-languageserver 11, vscode-languageclient 11, vscode-languageserver-protocol
// 3.18 and vscode-jsonrpc 10 declare their types only in `exports`, which that
// resolution ignores. TypeScript consults these ambient declarations only when
// it cannot resolve a package itself, so they step aside under node16/bundler.
declare module 'vscode-jsonrpc' { export * from 'vscode-jsonrpc/lib/common/api'; }
declare module 'vscode-jsonrpc/node' { export * from 'vscode-jsonrpc/lib/node/main'; }
declare module 'vscode-languageserver-protocol' { export * from 'vscode-languageserver-protocol/lib/common/api'; }
declare module 'vscode-languageserver-protocol/node' { export * from 'vscode-languageserver-protocol/lib/node/main'; }
declare module 'vscode-languageserver' { export * from 'vscode-languageserver/lib/common/api'; }
declare module 'vscode-languageserver/node' { export * from 'vscode-languageserver/lib/node/main'; }
declare module 'vscode-languageclient' { export * from 'vscode-languageclient/lib/common/api'; }
declare module 'vscode-languageclient/node' { export * from 'vscode-languageclient/lib/node/main'; }
