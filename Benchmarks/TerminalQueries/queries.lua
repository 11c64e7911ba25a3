-- wrk script for Benchmarks/TerminalQueries/run: a clerk's queries, each for another person of the
-- township, with the clerk's bearer token.
--
-- Environment: TOKEN (the staff token), IDS (a file of ID numbers, one a line), QUERY (person:
-- GET /api/people/ID; contributions: GET /api/people/ID/contributions), PACE (milliseconds each
-- connection waits between its requests; unset: back to back, the closed loop).
-- Each thread walks the list from its own offset, so connections ask for different people.

local threads = {}

-- A wait drawn at random (mean PACE), so that 100 connections do not fire together each second
-- and arrivals spread as independent desks' would.
local pace = tonumber(os.getenv("PACE") or "")
if pace then
    function delay() return math.random(0, 2 * pace) end
end

function setup(thread)
    thread:set("offset", #threads * 7919)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(offset + 1)
    ids = {}
    for line in io.lines(os.getenv("IDS")) do
        ids[#ids + 1] = line
    end
    suffix = os.getenv("QUERY") == "contributions" and "/contributions" or ""
    headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
    position = offset
end

function request()
    position = position + 1
    local id = ids[position % #ids + 1]
    return wrk.format("GET", "/api/people/" .. id .. suffix, headers)
end

-- One line the run script reads: requests, seconds, errors, non-2xx answers, latency in µs.
function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format(
        "result requests=%d seconds=%.3f errors=%d non2xx=%d p50=%d p90=%d p99=%d max=%d mean=%.1f\n",
        summary.requests, summary.duration / 1e6,
        errors.connect + errors.read + errors.write + errors.timeout, errors.status,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
