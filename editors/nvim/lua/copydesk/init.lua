--- copydesk: a copy desk for prose drafts, as a language server client.
---
--- Neovim 0.11+: `lsp/copydesk.lua` is enough (`vim.lsp.enable('copydesk')`); `setup()`
--- does that for you and takes overrides. Older Neovim (0.9, 0.10): `setup()` starts the
--- server itself for text and markdown buffers.
local M = {}

local defaults = {
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'text', 'markdown' },
  root_markers = { 'copydesk.toml', '.copydesk', '.git' },
  settings = { copydesk = vim.empty_dict() },
}

local has_011 = vim.fn.has('nvim-0.11') == 1

--- The copydesk client attached to a buffer, if any.
---@param bufnr integer?
function M.client(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  return get({ bufnr = bufnr, name = 'copydesk' })[1]
end

local function request(client, method, params, handler, bufnr)
  -- 0.11 made these methods (`client:request`); older versions take no self.
  if has_011 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

--- Runs a server command (`workspace/executeCommand`) for the current buffer.
---@param command string
---@param arguments table?
---@param on_done fun(err: table?, result: any)?
function M.execute(command, arguments, on_done)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.client(bufnr)
  if not client then
    vim.notify('copydesk: no copydesk language server in this buffer', vim.log.levels.WARN)
    return
  end
  request(client, 'workspace/executeCommand', { command = command, arguments = arguments },
    function(err, result)
      if err then
        vim.notify('copydesk: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      end
      if on_done then on_done(err, result) end
    end, bufnr)
end

--- The text of the copydesk finding under the cursor (for add-word), else the word there.
local function word_at_cursor()
  local bufnr = vim.api.nvim_get_current_buf()
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = row - 1 })) do
    if d.source == 'copydesk' and d.code == 'spelling.unknown-word' and d.col <= col and col < d.end_col then
      return vim.api.nvim_buf_get_text(bufnr, d.lnum, d.col, d.end_lnum, d.end_col, {})[1]
    end
  end
  return vim.fn.expand('<cword>')
end

--- Adds a word (default: the flagged word under the cursor) to the workspace dictionary,
--- `.copydesk/dictionary.txt`; open drafts are checked again.
---@param word string?
function M.add_word(word)
  word = (word and word ~= '') and word or word_at_cursor()
  M.execute('copydesk.server.addWord', { { uri = vim.uri_from_bufnr(0), word = word } }, function(err, result)
    if not err and result then
      vim.notify(('copydesk: added "%s" to %s'):format(word, result.path or 'the dictionary'))
    end
  end)
end

--- Applies every unambiguous fix (findings with a single suggestion) in the buffer.
function M.fix_all()
  vim.lsp.buf.code_action({
    context = { only = { 'source.fixAll.copydesk' }, diagnostics = {} },
    filter = function(action) return action.kind == 'source.fixAll.copydesk' end,
    apply = true,
  })
end

function M.create_commands()
  local command = vim.api.nvim_create_user_command
  command('CopydeskAddWord', function(o) M.add_word(o.args) end,
    { nargs = '?', desc = 'copydesk: add a word to the workspace dictionary' })
  command('CopydeskFixAll', M.fix_all, { desc = 'copydesk: apply every unambiguous fix' })
  command('CopydeskRecheck', function() M.execute('copydesk.server.recheck') end,
    { desc = 'copydesk: check the open drafts again' })
  command('CopydeskCheckWorkspace', function() M.execute('copydesk.server.checkWorkspace') end,
    { desc = 'copydesk: check every draft in the workspace' })
end

--- Starts copydesk for text and markdown buffers.
---@param opts table? fields of a `vim.lsp.Config`: cmd, filetypes, root_markers, settings, ...
function M.setup(opts)
  local config = vim.tbl_deep_extend('force', defaults, opts or {})
  M.create_commands()
  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config('copydesk', config)
    vim.lsp.enable('copydesk')
    return
  end
  vim.api.nvim_create_autocmd('FileType', {
    group = vim.api.nvim_create_augroup('copydesk', { clear = true }),
    pattern = config.filetypes,
    callback = function(args)
      local root = vim.fs.dirname(vim.fs.find(config.root_markers, {
        upward = true, path = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)) })[1])
      vim.lsp.start(vim.tbl_extend('force', config, { name = 'copydesk', root_dir = root }),
        { bufnr = args.buf })
    end,
  })
end

return M
