-- Loads whole pages: each line of the file is one page, the paths of its requests separated by spaces. Every
-- connection requests a page's paths one after the other, as a page that needs them all would, and the time from
-- the first request to the last response is the page's time. Run one connection per thread (-t N -c N): wrk
-- shares a script's state between the connections of a thread, so a page must not be interleaved with another.
-- Usage: wrk -t4 -c4 -s page.lua http://host:port -- pages.txt
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } rapport_timespec;
  int clock_gettime(int clock, rapport_timespec *now);
]]
local clock = ffi.new("rapport_timespec")
local CLOCK_MONOTONIC = 1

local function microseconds()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local threads = {}
local pages = {}
local page, step, started = 0, 0, 0
times = {}
failures = 0

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot open " .. tostring(args[1]))
  for line in file:lines() do
    local paths = {}
    for path in line:gmatch("%S+") do
      paths[#paths + 1] = path
    end
    if #paths > 0 then
      pages[#pages + 1] = paths
    end
  end
  file:close()
  assert(#pages > 0, "no pages in " .. args[1])
  page = math.random(#pages) - 1
end

function request()
  if step == 0 then
    page = page % #pages + 1
    started = microseconds()
  end
  step = step + 1
  return wrk.format("GET", pages[page][step])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    failures = failures + 1
  end
  if step == #pages[page] then
    times[#times + 1] = microseconds() - started
    step = 0
  end
end

function done(summary, latency, requests)
  local all, failed = {}, 0
  for _, thread in ipairs(threads) do
    for _, t in ipairs(thread:get("times")) do
      all[#all + 1] = t
    end
    failed = failed + thread:get("failures")
  end
  table.sort(all)
  local function percentile(p)
    if #all == 0 then
      return 0
    end
    return all[math.max(1, math.ceil(#all * p / 100))] / 1000
  end
  local seconds = summary.duration / 1000000
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    #all, #all / seconds, percentile(50), percentile(95), percentile(99), percentile(100), failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
