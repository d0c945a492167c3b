// The VS Code side: starts the nianbao language server and hands it the report documents. No report logic here.

import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

const SCHEMES = ['file', 'untitled'];
const LANGUAGES = ['nianbao', 'plaintext', 'markdown'];

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };

  const documentSelector: DocumentSelector = SCHEMES.flatMap((scheme) => LANGUAGES.map((language) => ({ scheme, language })));
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // Sends workspace/didChangeConfiguration when a `nianbao.*` setting changes; the server then
    // pulls the new values per document with workspace/configuration.
    synchronize: { configurationSection: 'nianbao' },
    outputChannelName: 'nianbao',
    // No errorHandler: the default one restarts a crashed server (up to 4 times in 3 minutes).
  };

  client = new LanguageClient('nianbao', 'nianbao', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
