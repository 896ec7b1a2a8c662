// copydesk for VS Code: starts `copydesk lsp` for plain-text and Markdown drafts.
//
// Everything about checking lives in the server; this client finds the program, starts
// it, and adds palette commands and a status bar item. The server's own commands
// (`copydesk.server.*`, used by quick fixes) are registered by vscode-languageclient.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';

const SOURCE = 'copydesk';
const INSTALL_HINT =
  'Install it with `cargo install --path .` in a copydesk checkout (it lands in ~/.cargo/bin), ' +
  'or set `copydesk.path` to the program.';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;

/** The API the extension returns, used by its tests. */
export interface CopydeskApi {
  client(): LanguageClient | undefined;
  serverPath(): string | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<CopydeskApi> {
  // vscode-languageclient 11 logs through a log channel (`{ log: true }`), not a plain one.
  output = vscode.window.createOutputChannel('copydesk', { log: true });
  status = vscode.window.createStatusBarItem('copydesk.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'copydesk';
  status.command = 'copydesk.showOutput';
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('copydesk.restart', () => restart(context)),
    vscode.commands.registerCommand('copydesk.recheck', () => serverCommand('copydesk.server.recheck', [])),
    vscode.commands.registerCommand('copydesk.checkWorkspace', () =>
      serverCommand('copydesk.server.checkWorkspace', [])),
    vscode.commands.registerCommand('copydesk.addWord', addWordAtCursor),
    vscode.commands.registerCommand('copydesk.fixAll', () =>
      vscode.commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.copydesk', apply: 'first' })),
    vscode.languages.onDidChangeDiagnostics(() => updateStatus()),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('copydesk.path')) {
        restart(context);
      }
    }),
  );
  await start(context);
  return { client: () => client, serverPath: () => findServer() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** `copydesk.path`, else `copydesk` on PATH, else ~/.cargo/bin/copydesk. */
function findServer(): string | undefined {
  const configured = vscode.workspace.getConfiguration('copydesk').get<string | null>('path');
  if (configured) {
    const expanded = configured.replace(/^~(?=$|\/)/, os.homedir());
    return isExecutable(expanded) ? expanded : undefined;
  }
  const names = process.platform === 'win32' ? ['copydesk.exe', 'copydesk'] : ['copydesk'];
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  dirs.push(path.join(os.homedir(), '.cargo', 'bin'));
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const command = findServer();
  if (!command) {
    const configured = vscode.workspace.getConfiguration('copydesk').get<string | null>('path');
    const problem = configured
      ? `copydesk: \`copydesk.path\` is set to ${configured}, which is not an executable file.`
      : 'copydesk: the `copydesk` program was not found on PATH.';
    output.error(`${problem} ${INSTALL_HINT}`);
    setStatus('$(error) copydesk', `${problem}\n\n${INSTALL_HINT}`, true);
    vscode.window
      .showErrorMessage(`${problem} ${INSTALL_HINT}`, 'Open settings', 'Show output')
      .then((choice) => {
        if (choice === 'Open settings') {
          vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.path');
        } else if (choice === 'Show output') {
          output.show(true);
        }
      });
    return;
  }
  const serverOptions: ServerOptions = {
    command,
    args: ['lsp'],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    // The server asks for the `copydesk` section per workspace folder
    // (workspace/configuration); this makes the client tell it when the section changes.
    synchronize: { configurationSection: 'copydesk' },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('copydesk', 'copydesk', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      updateStatus();
    } else if (e.newState === State.Stopped) {
      setStatus('$(circle-slash) copydesk', 'copydesk: the language server stopped. Click for its output.', true);
    }
  });
  setStatus('$(sync~spin) copydesk', 'copydesk: starting', false);
  output.info(`starting ${command} lsp`);
  try {
    await client.start();
  } catch (err) {
    output.error(`copydesk lsp failed to start: ${String(err)}`);
    vscode.window.showErrorMessage(`copydesk: the language server failed to start (${String(err)}).`, 'Show output')
      .then((choice) => choice && output.show(true));
  }
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await client?.stop();
  client = undefined;
  await start(context);
}

function setStatus(text: string, tooltip: string, error: boolean): void {
  status.text = text;
  status.tooltip = tooltip;
  status.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.show();
}

/** Findings in the active draft, by severity. */
function updateStatus(): void {
  if (!client || client.state !== State.Running) {
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const diagnostics = editor
    ? vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === SOURCE)
    : [];
  const count = diagnostics.length;
  const text = count === 0 ? '$(check) copydesk' : `$(edit) copydesk ${count}`;
  const tooltip = editor
    ? `copydesk: ${count === 0 ? 'nothing to flag' : `${count} finding${count === 1 ? '' : 's'}`} in this draft. Click for the output.`
    : 'copydesk is running. Click for the output.';
  setStatus(text, tooltip, false);
}

async function serverCommand(command: string, args: unknown[]): Promise<unknown> {
  if (!client || client.state !== State.Running) {
    vscode.window.showWarningMessage('copydesk: the language server is not running.');
    return undefined;
  }
  try {
    return await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  } catch (err) {
    vscode.window.showErrorMessage(`copydesk: ${String((err as Error).message ?? err)}`);
    return undefined;
  }
}

/** Adds the flagged word under the cursor (or the word there) to `.copydesk/dictionary.txt`. */
async function addWordAtCursor(word?: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return;
  }
  const document = editor.document;
  const position = editor.selection.active;
  if (!word) {
    const flagged = vscode.languages
      .getDiagnostics(document.uri)
      .find((d) => d.source === SOURCE && d.code === 'spelling.unknown-word' && d.range.contains(position));
    const range = flagged?.range ?? document.getWordRangeAtPosition(position);
    word = range ? document.getText(range) : undefined;
  }
  if (!word) {
    vscode.window.showInformationMessage('copydesk: put the cursor on a word to add it to the dictionary.');
    return;
  }
  const result = (await serverCommand('copydesk.server.addWord', [{ uri: document.uri.toString(), word }])) as
    | { path?: string }
    | undefined;
  if (result?.path) {
    vscode.window.setStatusBarMessage(`copydesk: added “${word}” to ${result.path}`, 5000);
  }
}
