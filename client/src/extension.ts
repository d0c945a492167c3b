// The VS Code side: starts the nianbao language server and hands it the report documents. No report logic here.

import * as path from 'node:path';
import { commands, env, workspace, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../../shared/src/serverProcess';
import { IMPORT_REPORT_COMMAND, importReport } from './importReport';
import { NEW_REPORT_COMMAND, newReport } from './newReport';
import { registerStatusBar } from './statusBar';

const SCHEMES = ['file', 'untitled'];
const LANGUAGES = ['nianbao', 'plaintext', 'markdown'];

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  // The only client-side features: the new-report and import commands and the status bar item.
  context.subscriptions.push(commands.registerCommand(NEW_REPORT_COMMAND, newReport));
  context.subscriptions.push(commands.registerCommand(IMPORT_REPORT_COMMAND, importReport));
  registerStatusBar(context);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] },
    },
  };

  const documentSelector: DocumentSelector = SCHEMES.flatMap((scheme) => LANGUAGES.map((language) => ({ scheme, language })));
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // Sends workspace/didChangeConfiguration when a `nianbao.*` setting changes; the server then
    // pulls the new values per document with workspace/configuration.
    // `.nianbaorc.json` changes are sent too: the server reads the file again and re-checks; so are
    // changes to `.txt`/`.md` files, for the reports that are not open (nianbao.checkWorkspace).
    synchronize: {
      configurationSection: 'nianbao',
      fileEvents: [workspace.createFileSystemWatcher('**/.nianbaorc.json'), workspace.createFileSystemWatcher('**/*.{txt,md}')],
    },
    // The command 「检查工作区全部年报」 (nianbao.checkWorkspace) is the server's: vscode-languageclient
    // registers it from the server's executeCommandProvider.
    // For `nianbao.locale: auto`: messages in English unless VS Code's display language is Chinese.
    initializationOptions: { displayLanguage: env.language },
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
