// End-to-end suite run inside a real VS Code extension host (code-server, see
// scripts/test-editors): the extension starts the built `copydesk lsp`, and this checks
// what a writer would see. Expected findings come from `copydesk check --format json` on
// the same file, so the suite keeps holding as checks are added.
//
// The workspace is prepared by scripts/test-editors: seed.txt and a .vscode/settings.json
// whose `copydesk.path` names the built server.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Findings pinned to an exact place: [rule, context, flagged text within the context]. */
const SPOTS: [string, string, string][] = [
  ['spelling.repeated-word', 'her as as soon', 'as as'],
  ['spelling.unknown-word', 'delegations in Instanbul', 'Instanbul'],
  ['names.variant-spelling', 'ousting Yanukoych', 'Yanukoych'],
];

const TIMEOUT_MS = 30000;
let passed = 0;
let failed = 0;

function check(ok: boolean, what: string, detail?: unknown): boolean {
  if (ok) {
    passed++;
    console.log(`[copydesk-test] ok   ${what}`);
  } else {
    failed++;
    console.log(`[copydesk-test] FAIL ${what}${detail === undefined ? '' : `\n     ${JSON.stringify(detail)}`}`);
  }
  return ok;
}

async function waitFor(what: string, predicate: () => boolean): Promise<boolean> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (predicate()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(`[copydesk-test] timed out waiting for ${what}`);
  return false;
}

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'copydesk');
}

function countRule(uri: vscode.Uri, rule: string): number {
  return ours(uri).filter((d) => codeOf(d) === rule).length;
}

/** (rule, start, end) in JS string offsets, sorted. */
function asKeys(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${codeOf(d)} ${document.offsetAt(d.range.start)}-${document.offsetAt(d.range.end)}`)
    .sort();
}

/** What the CLI reports for a file, with its UTF-8 byte spans turned into JS string offsets. */
function cliKeys(bin: string, file: string, text: string): string[] {
  const out = childProcess.execFileSync(bin, ['check', '--format', 'json', '--fail-on', 'never', file], {
    encoding: 'utf8',
  });
  const report = JSON.parse(out) as {
    files: { diagnostics: { rule: string; span: { start: number; end: number } }[] }[];
  };
  const bytes = Buffer.from(text, 'utf8');
  const index = (byte: number) => bytes.subarray(0, byte).toString('utf8').length;
  return report.files[0].diagnostics.map((d) => `${d.rule} ${index(d.span.start)}-${index(d.span.end)}`).sort();
}

function perFamily(keys: string[]): string {
  const counts: Record<string, number> = {};
  for (const key of keys) {
    const family = key.split(/[. ]/)[0];
    counts[family] = (counts[family] ?? 0) + 1;
  }
  return JSON.stringify(Object.entries(counts).sort());
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export async function run(): Promise<void> {
  try {
    await suite();
  } catch (err) {
    check(false, 'the suite ran to the end', String((err as Error).stack ?? err));
  }
  console.log(`[copydesk-test] ${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) {
    throw new Error(`${failed} copydesk checks failed`);
  }
}

async function suite(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!check(folder !== undefined, 'a workspace folder is open')) {
    return;
  }
  const uri = vscode.Uri.joinPath(folder!.uri, 'seed.txt');
  const extension = vscode.extensions.getExtension('copydesk.copydesk');
  check(extension !== undefined, 'the extension is installed');
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  check(document.languageId === 'plaintext', 'seed.txt opens as plaintext', document.languageId);
  const api = (await extension?.activate()) as { serverPath(): string | undefined } | undefined;
  const bin = api?.serverPath();
  if (!check(bin !== undefined, 'the extension found the server (copydesk.path)', bin)) {
    return;
  }
  const commands = await vscode.commands.getCommands(true);
  for (const command of ['copydesk.recheck', 'copydesk.addWord', 'copydesk.showOutput', 'copydesk.server.addWord']) {
    check(commands.includes(command), `command ${command} is registered`);
  }

  // Diagnostics: the same findings, at the same places, as the CLI.
  const original = document.getText();
  const expected = cliKeys(bin!, uri.fsPath, original);
  check(expected.length > 0, 'the CLI reports findings on the seed draft');
  await waitFor('diagnostics', () => ours(uri).length >= expected.length);
  const got = asKeys(document, ours(uri));
  check(perFamily(got) === perFamily(expected), 'count per rule family matches the CLI', [perFamily(got), perFamily(expected)]);
  check(JSON.stringify(got) === JSON.stringify(expected), 'every range matches the CLI', { got, expected });
  for (const [rule, context, needle] of SPOTS) {
    const start = original.indexOf(context) + context.indexOf(needle);
    const range = new vscode.Range(document.positionAt(start), document.positionAt(start + needle.length));
    check(
      ours(uri).some((d) => codeOf(d) === rule && d.range.isEqual(range)),
      `${rule} on "${needle}" at ${range.start.line + 1}:${range.start.character + 1}`,
    );
  }
  const repeat = ours(uri).find((d) => codeOf(d) === 'spelling.repeated-word');
  check(
    repeat !== undefined && repeat.range.isEqual(new vscode.Range(2, 436, 2, 441)),
    'as as is at line 3, characters 437-441',
    repeat?.range,
  );
  if (!repeat) {
    return;
  }

  // Hover: what the rule checks, how to fix it, an example.
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    repeat.range.start.translate(0, 1),
  );
  const hover = hoverText(hovers);
  check(hover.includes('spelling.repeated-word') && hover.includes('**Fix:**') && hover.includes('**Example:**'),
    'hover explains the rule', hover);

  // Quick fixes, through the code action provider, and one applied.
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    repeat.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const titles = actions.map((a) => a.title);
  for (const title of [
    'Replace with “as”',
    'Ignore spelling.repeated-word on this line',
    'Ignore spelling.repeated-word in this file',
    'Turn spelling.repeated-word off for the workspace (copydesk.toml)',
  ]) {
    check(titles.includes(title), `quick fix "${title}" is offered`, titles);
  }
  const repeatsBefore = countRule(uri, 'spelling.repeated-word');
  const totalBefore = ours(uri).length;

  // "Turn off for the workspace" runs a server command that writes copydesk.toml; the
  // server then asks VS Code to pull again (workspace/diagnostic/refresh). Deleting the
  // file is seen through the file watcher (didChangeWatchedFiles) and brings them back.
  const off = actions.find((a) => a.title.startsWith('Turn spelling.repeated-word off for the workspace'));
  if (check(off?.command !== undefined, 'the workspace action carries a command')) {
    await vscode.commands.executeCommand(off!.command!.command, ...(off!.command!.arguments ?? []));
    const toml = path.join(folder!.uri.fsPath, 'copydesk.toml');
    check(
      await waitFor('the rule to be off', () => countRule(uri, 'spelling.repeated-word') === 0),
      'turning the rule off for the workspace removes its findings',
    );
    check(
      fs.existsSync(toml) && fs.readFileSync(toml, 'utf8').includes('"spelling.repeated-word" = "off"'),
      'copydesk.toml has the rule off',
    );
    fs.rmSync(toml, { force: true });
    check(
      await waitFor('the rule to be back', () => countRule(uri, 'spelling.repeated-word') === repeatsBefore),
      'deleting copydesk.toml brings the findings back (file watcher)',
    );
  }
  const replace = actions.find((a) => a.title === 'Replace with “as”');
  check(replace?.edit !== undefined && (await vscode.workspace.applyEdit(replace.edit)), 'the quick fix applies');
  check(document.getText().includes('her as soon'), 'the quick fix edits the draft');
  check(
    await waitFor('the fixed repeat to go', () => countRule(uri, 'spelling.repeated-word') === repeatsBefore - 1),
    'the fixed repeat is no longer reported',
  );
  check(ours(uri).length === totalBefore - 1, 'nothing else changed', [ours(uri).length, totalBefore]);

  // A typed edit is checked where it is.
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'It was was late.\n'));
  check(
    await waitFor('the new repeat', () =>
      ours(uri).some((d) => codeOf(d) === 'spelling.repeated-word' && d.range.isEqual(new vscode.Range(0, 3, 0, 10)))),
    'an edit is checked: "was was" on line 1, characters 4-10',
  );

  // The palette command adds the word under the cursor to the workspace dictionary.
  const misspelt = document.getText().indexOf('Instanbul');
  if (check(misspelt >= 0, 'the draft has "Instanbul"')) {
    const at = document.positionAt(misspelt + 2);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('copydesk.addWord');
    const dictionary = path.join(folder!.uri.fsPath, '.copydesk', 'dictionary.txt');
    check(
      await waitFor('the dictionary', () => fs.existsSync(dictionary) && fs.readFileSync(dictionary, 'utf8') === 'Instanbul\n'),
      'copydesk.addWord writes "Instanbul" to .copydesk/dictionary.txt',
    );
    check(
      await waitFor('the added word to be accepted', () => !ours(uri).some((d) => codeOf(d) === 'spelling.unknown-word' && document.getText(d.range) === 'Instanbul')),
      'the added word is no longer reported',
    );
    // Leave the workspace as it was: the file watcher re-checks when the list goes.
    fs.rmSync(path.dirname(dictionary), { recursive: true, force: true });
  }

  // Fix all: the single-suggestion fixes in one edit.
  const sourceActions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    new vscode.Range(0, 0, 0, 0),
    'source.fixAll.copydesk',
  );
  const fixAll = sourceActions.find((a) => a.kind?.value === 'source.fixAll.copydesk');
  check(fixAll?.edit !== undefined && (await vscode.workspace.applyEdit(fixAll.edit)), 'fix-all applies');
  check(document.lineAt(0).text === 'It was late.', 'fix-all fixed the repeat', document.lineAt(0).text);

  // Settings change what is reported: the spelling family off, then back on.
  const config = vscode.workspace.getConfiguration('copydesk');
  await config.update('rules', { spelling: 'off' }, vscode.ConfigurationTarget.Workspace);
  check(
    await waitFor('spelling to be off', () => ours(uri).every((d) => !codeOf(d).startsWith('spelling.'))),
    'copydesk.rules { spelling: off } removes the spelling findings',
  );
  await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);

  // Back to the original draft (also what the screenshot shows).
  const restore = new vscode.WorkspaceEdit();
  restore.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
  await vscode.workspace.applyEdit(restore);
  await document.save();
  check(document.getText() === original, 'the draft is restored');
  check(
    await waitFor('the original findings', () => JSON.stringify(asKeys(document, ours(uri))) === JSON.stringify(expected)),
    'with the setting removed and the draft restored, the findings are back',
    asKeys(document, ours(uri)),
  );
  await vscode.window.showTextDocument(document, { selection: repeat.range });
  await screenshotPause(folder!.uri.fsPath);
}

/** Lets the driver (scripts/e2e.mjs) take its screenshot while the extension host, and so
 * the server and its diagnostics, are still alive: they end when run() settles. */
async function screenshotPause(workspace: string): Promise<void> {
  const marker = path.join(workspace, '.screenshot-taken');
  console.log('[copydesk-test] ready for the screenshot');
  await waitFor('the screenshot', () => fs.existsSync(marker));
  fs.rmSync(marker, { force: true });
}
