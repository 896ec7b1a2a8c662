-- Headless end-to-end test: a real Neovim runs this plugin against the built server.
--
--   nvim --headless --clean -l editors/nvim/test/headless.lua COPYDESK_BIN SEED_DRAFT
--
-- Copies the seed draft into a fresh workspace, opens it, waits for diagnostics and checks
-- them against `copydesk check --format json` on the same file (count per rule family and
-- every exact position), the `as as` repeat's exact line and column, a quick fix, an edit,
-- fix-all, add-word and a settings change. Prints one line per check and
-- `N passed, M failed`; exits non-zero on any failure.
local bin, seed = arg[1], arg[2]
assert(bin and seed, 'usage: headless.lua COPYDESK_BIN SEED_DRAFT')

-- Findings pinned to an exact place: { rule, context, flagged text within the context }.
local SPOTS = {
  { 'spelling.repeated-word', 'her as as soon', 'as as' },
  { 'spelling.unknown-word', 'delegations in Instanbul', 'Instanbul' },
  { 'names.variant-spelling', 'ousting Yanukoych', 'Yanukoych' },
}

local plugin_root = vim.fs.dirname(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)))
vim.opt.runtimepath:prepend(plugin_root)
vim.cmd('filetype on')

local passed, failed = 0, 0
local function check(ok, what, detail)
  if ok then
    passed = passed + 1
    print('ok   ' .. what)
  else
    failed = failed + 1
    print('FAIL ' .. what .. (detail and ('\n     ' .. detail) or ''))
  end
  return ok
end
local function finish()
  print(('%d passed, %d failed'):format(passed, failed))
  vim.cmd((failed == 0 and passed > 0) and 'qall!' or 'cquit! 1')
end

-- A fresh workspace: `.git` marks its root, so copydesk.toml and the dictionary live there.
local workspace = vim.fn.tempname()
vim.fn.mkdir(workspace .. '/.git', 'p')
local draft = workspace .. '/seed.txt'
vim.fn.writefile(vim.fn.readfile(seed, 'b'), draft, 'b')

--- What the CLI reports for a file, as Neovim diagnostics would place them: 0-based line,
--- byte column (Neovim's columns are bytes).
local function cli_findings(path)
  local out = vim.system({ bin, 'check', '--format', 'json', '--fail-on', 'never', path }, { text = true }):wait()
  assert(out.code == 0, 'copydesk check failed: ' .. (out.stderr or ''))
  local report = vim.json.decode(out.stdout)
  local text = table.concat(vim.fn.readfile(path, 'b'), '\n')
  local function pos(offset)
    local before = text:sub(1, offset)
    local line = select(2, before:gsub('\n', ''))
    local line_start = (before:match('.*()\n') or 0)
    return line, offset - line_start
  end
  local findings = {}
  for _, d in ipairs(report.files[1].diagnostics) do
    local l1, c1 = pos(d.span.start)
    local l2, c2 = pos(d.span['end'])
    table.insert(findings, ('%s %d:%d-%d:%d'):format(d.rule, l1, c1, l2, c2))
  end
  table.sort(findings)
  return findings
end

local function nvim_findings(bufnr)
  local findings = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'copydesk' then
      table.insert(findings, ('%s %d:%d-%d:%d'):format(d.code, d.lnum, d.col, d.end_lnum, d.end_col))
    end
  end
  table.sort(findings)
  return findings
end

local function per_family(findings)
  local counts = {}
  for _, f in ipairs(findings) do
    local family = f:match('^([^.%s]+)')
    counts[family] = (counts[family] or 0) + 1
  end
  return vim.inspect(counts)
end

local function count_rule(bufnr, rule)
  local n = 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == rule then n = n + 1 end
  end
  return n
end

--- Waits until `pred()` holds; the diagnostics arrive asynchronously.
local function wait(ms, pred)
  return vim.wait(ms, pred, 50)
end

require('copydesk').setup({ cmd = { bin, 'lsp' } })
vim.cmd.edit(vim.fn.fnameescape(draft))
local bufnr = vim.api.nvim_get_current_buf()
check(vim.bo[bufnr].filetype == 'text', 'seed.txt opens as filetype text', vim.bo[bufnr].filetype)

local expected = cli_findings(draft)
check(#expected > 0, 'the CLI reports findings on the seed draft')
local arrived = wait(20000, function() return #nvim_findings(bufnr) >= #expected end)
check(arrived, 'diagnostics arrive', ('%d of %d'):format(#nvim_findings(bufnr), #expected))
local client = require('copydesk').client(bufnr)
check(client ~= nil, 'the copydesk client is attached')
if client then
  check(client.root_dir == workspace, 'workspace root is the folder with .git', client.root_dir)
end
check(per_family(nvim_findings(bufnr)) == per_family(expected), 'count per rule family matches the CLI',
  per_family(nvim_findings(bufnr)) .. ' vs ' .. per_family(expected))
check(vim.deep_equal(nvim_findings(bufnr), expected), 'every position matches the CLI',
  vim.inspect(nvim_findings(bufnr)) .. '\nvs ' .. vim.inspect(expected))

-- Exact spots, computed from the buffer text (byte columns).
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
local function spot_position(context, needle)
  for lnum, line in ipairs(lines) do
    local at = line:find(context, 1, true)
    if at then
      local col = at - 1 + (context:find(needle, 1, true) - 1)
      return lnum - 1, col, col + #needle
    end
  end
end
for _, spot in ipairs(SPOTS) do
  local rule, context, needle = unpack(spot)
  local lnum, col, end_col = spot_position(context, needle)
  local found = false
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = lnum })) do
    if d.code == rule and d.col == col and d.end_col == end_col then found = true end
  end
  check(found, ('%s on "%s" at line %s, byte column %s'):format(rule, needle, tostring(lnum and lnum + 1), tostring(col)))
end
-- The README's example: `as as` on line 3 (0-based 2); column 437 in characters.
local repeat_lnum, repeat_col = spot_position('her as as soon', 'as as')
check(repeat_lnum == 2, 'as as is on line 3', tostring(repeat_lnum))
check(vim.str_utfindex(lines[3], repeat_col) == 436, 'as as starts at character 437 of its line',
  tostring(vim.str_utfindex(lines[3], repeat_col)))

-- A quick fix through the real code action machinery.
local repeats_before = count_rule(bufnr, 'spelling.repeated-word')
local total_before = #nvim_findings(bufnr)
vim.api.nvim_win_set_cursor(0, { repeat_lnum + 1, repeat_col + 1 })
vim.lsp.buf.code_action({
  filter = function(action) return action.title == 'Replace with “as”' end,
  apply = true,
})
check(wait(10000, function()
  return vim.api.nvim_buf_get_lines(bufnr, 2, 3, false)[1]:find('her as soon', 1, true) ~= nil
end), 'quick fix "Replace with “as”" edits the buffer')
check(wait(10000, function() return count_rule(bufnr, 'spelling.repeated-word') == repeats_before - 1 end),
  'the fixed repeat is no longer reported', tostring(count_rule(bufnr, 'spelling.repeated-word')))
check(#nvim_findings(bufnr) == total_before - 1, 'nothing else changed',
  ('%d, was %d'):format(#nvim_findings(bufnr), total_before))

-- A typed edit: a new repeat on a new first line is reported there.
vim.api.nvim_buf_set_lines(bufnr, 0, 0, false, { 'It was was late.' })
check(wait(10000, function()
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = 0 })) do
    if d.code == 'spelling.repeated-word' and d.col == 3 and d.end_col == 10 then return true end
  end
end), 'an edit is checked: "was was" on line 1, columns 3-10')
check(wait(5000, function() return #nvim_findings(bufnr) == total_before end), 'one more finding after the edit')

-- Fix all: every unambiguous fix at once.
vim.cmd('CopydeskFixAll')
check(wait(10000, function() return vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1] == 'It was late.' end),
  ':CopydeskFixAll applies the single-suggestion fixes', vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1])
check(wait(10000, function() return count_rule(bufnr, 'spelling.repeated-word') == 0 end),
  'no repeats left after fix-all')

-- Add a word to the workspace dictionary.
vim.cmd('CopydeskAddWord Instanbul')
local dictionary = workspace .. '/.copydesk/dictionary.txt'
check(wait(10000, function() return vim.fn.filereadable(dictionary) == 1 end)
  and vim.deep_equal(vim.fn.readfile(dictionary), { 'Instanbul' }),
  ':CopydeskAddWord writes .copydesk/dictionary.txt')

-- Settings: turning the spelling family off in the client's settings removes a repeat;
-- removing the setting brings it back.
vim.api.nvim_buf_set_lines(bufnr, 0, 0, false, { 'And and then.' })
check(wait(10000, function() return count_rule(bufnr, 'spelling.repeated-word') == 1 end), 'a new repeat is reported')
if client then
  client.settings = { copydesk = { rules = { spelling = 'off' } } }
  client:notify('workspace/didChangeConfiguration', { settings = client.settings })
  check(wait(10000, function() return count_rule(bufnr, 'spelling.repeated-word') == 0 end),
    'settings { rules = { spelling = "off" } } silence it')
  client.settings = { copydesk = vim.empty_dict() }
  client:notify('workspace/didChangeConfiguration', { settings = client.settings })
  check(wait(10000, function() return count_rule(bufnr, 'spelling.repeated-word') == 1 end),
    'without the setting it is back')
end

-- Stop cleanly: the server answers shutdown and exits.
if client then
  client:stop()
  check(wait(10000, function() return client:is_stopped() end), 'the server shuts down')
end
finish()
