-- wrk script for bench/server_bench.sh: signed-in reviewers doing what reviewers do, in a fixed
-- cycle per connection: list the submissions, open one, read its findings, and every tenth
-- request comment on it (a POST with the session's CSRF token, written to the store).
-- Environment: GONGKAI_COOKIE, GONGKAI_CSRF, GONGKAI_IDS (ids separated by spaces), and
-- GONGKAI_THINK_MS: a reviewer's pause before each request, drawn evenly from 0 to twice this
-- (default 0: every connection sends its next request as soon as the answer arrives, a stress
-- far beyond what 200 people do).
local cookie = os.getenv("GONGKAI_COOKIE")
local csrf = os.getenv("GONGKAI_CSRF")
local ids = {}
for id in string.gmatch(os.getenv("GONGKAI_IDS") or "1", "%d+") do ids[#ids + 1] = id end
local n = 0
local think = tonumber(os.getenv("GONGKAI_THINK_MS") or "0")

delay = function()
  if think <= 0 then return 0 end
  return math.random(0, 2 * think)
end

request = function()
  n = n + 1
  local id = ids[(n % #ids) + 1]
  local headers = { ["Cookie"] = cookie }
  local step = n % 10
  if step == 0 then
    headers["X-CSRF-Token"] = csrf
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/api/submissions/" .. id .. "/comments", headers,
                      '{"finding":"","text":"请核实本项数据（压力测试）。"}')
  elseif step % 3 == 1 then
    return wrk.format("GET", "/api/submissions", headers)
  elseif step % 3 == 2 then
    return wrk.format("GET", "/api/submissions/" .. id, headers)
  end
  return wrk.format("GET", "/api/submissions/" .. id .. "/findings", headers)
end
