-- A second LSP client for kubeway: neovim (0.7+) headless starts `node dist/server.js --stdio`, opens one file
-- and writes the diagnostics it receives as JSON to $KUBEWAY_OUT. Run by test/e2e/nvim.test.ts:
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/nvim/diagnostics.lua'
local server, file, root, out = os.getenv('KUBEWAY_SERVER'), os.getenv('KUBEWAY_FILE'), os.getenv('KUBEWAY_ROOT'), os.getenv('KUBEWAY_OUT')
local expect = tonumber(os.getenv('KUBEWAY_EXPECT') or '1')

vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.bo.filetype = 'yaml'
local client_id = vim.lsp.start_client({
  name = 'kubeway',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'project' } },
})
vim.lsp.buf_attach_client(0, client_id)

local started = vim.loop.hrtime()
-- wait for the expected number of diagnostics, then a little longer in case more arrive
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) >= expect end, 20)
local elapsed = (vim.loop.hrtime() - started) / 1e6
vim.wait(300)

local items = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(items, {
    line = d.lnum, character = d.col, endLine = d.end_lnum, endCharacter = d.end_col,
    severity = d.severity, code = d.code or lsp.code, source = d.source, message = d.message,
  })
end
local client = vim.lsp.get_client_by_id(client_id)
local result = {
  ok = ok,
  ms = elapsed,
  server = client and client.server_capabilities and true or false,
  nvim = vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch,
  diagnostics = items,
}
local f = assert(io.open(out, 'w'))
f:write(vim.fn.json_encode(result))
f:close()
if client then client.stop() end
vim.wait(500, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd('qa!')
