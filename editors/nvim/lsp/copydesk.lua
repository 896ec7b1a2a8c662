-- copydesk for Neovim 0.11+: `vim.lsp.enable('copydesk')` finds this file on 'runtimepath'.
-- Override any field with `vim.lsp.config('copydesk', { ... })` before enabling.
---@type vim.lsp.Config
return {
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'text', 'markdown' },
  -- The workspace folder is where copydesk.toml and .copydesk/dictionary.txt are looked
  -- up; without a marker the draft is checked on its own (single-file mode).
  root_markers = { 'copydesk.toml', '.copydesk', '.git' },
  -- Answers `workspace/configuration` section `copydesk`: the same keys as copydesk.toml,
  -- which they override, e.g. { rules = { spelling = 'off' }, words = { 'Zaporizhzhia' } }.
  settings = { copydesk = vim.empty_dict() },
}
