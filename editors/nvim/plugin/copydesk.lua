-- The commands exist as soon as the plugin is on 'runtimepath', also for users who only
-- call `vim.lsp.enable('copydesk')`.
if vim.g.loaded_copydesk then return end
vim.g.loaded_copydesk = true
require('copydesk').create_commands()
