-- wrk script: replays one pre-signed AWS JSON 1.1 request (method, path, headers and body are
-- prepended by api_bench.py as the globals bench_method, bench_path, bench_headers, bench_body)
-- and counts the responses that are not 200. SigV4 has no replay protection inside its 15-minute
-- clock-skew window, so the same signed request is valid for every call of a 30 s run.

wrk.method = bench_method
wrk.path = bench_path
wrk.body = bench_body
wrk.headers = bench_headers

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  responses = 0
  non200 = 0
  first_bad = ""
end

function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 then
    non200 = non200 + 1
    if first_bad == "" then
      first_bad = status .. " " .. string.sub(body or "", 1, 200)
    end
  end
end

local function quote(s)
  return '"' .. string.gsub(string.gsub(s, '\\', '\\\\'), '"', '\\"') .. '"'
end

function done(summary, latency, requests)
  local checked, bad, sample = 0, 0, ""
  for _, t in ipairs(threads) do
    checked = checked + t:get("responses")
    bad = bad + t:get("non200")
    local fb = t:get("first_bad")
    if sample == "" and fb ~= nil then sample = fb end
  end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"checked":%d,"non200":%d,"first_bad":%s,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d}}\n',
    summary.requests, summary.duration, summary.bytes, checked, bad, quote(string.gsub(sample, "%c", " ")),
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
