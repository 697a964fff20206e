#!/usr/bin/env bash
# Lighthouse performance scores of a hub board (signed in as a coordinator) and of /ask, mobile and
# desktop, against an app that is already running. Not part of the test suite: each run takes minutes.
#
#   bench/lighthouse.sh http://127.0.0.1:5000 coordinator@demo.local 'password' [hub-slug]
#
# The app is best run as operators run it: `dotnet publish src/Web -c Release -o /tmp/ma-pub` and
# `ASPNETCORE_ENVIRONMENT=Production dotnet /tmp/ma-pub/MutualAid.Web.dll --seed-demo` (the demo
# password is in the data folder's demo-accounts.txt). Needs Node and a Chromium (CHROME_PATH, default
# /usr/bin/chromium); Lighthouse itself is fetched with npx (lighthouse@12.8.2) unless LIGHTHOUSE names
# an installed one (e.g. LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse).
# Reports (HTML and JSON) go to OUT, default a new temporary folder.
set -euo pipefail
base="${1:?base URL}"; email="${2:?coordinator email}"; password="${3:?password}"; hub="${4:-north}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
read -r -a lighthouse <<< "${LIGHTHOUSE:-npx --yes lighthouse@12.8.2}"
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
jar="$out/cookies.txt"

# The board needs a signed-in cookie: sign in through the form (with its antiforgery token) and hand
# the cookie to Lighthouse as a request header.
# (The last token on the page is the sign-in form's; the first is the language switcher's.)
token="$(curl -fsS -c "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | tail -1 | sed 's/.*value="\([^"]*\)"/\1/')"
curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "returnUrl=/" "$base/account/login"
cookie="$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")"
headers="$out/headers.json"
printf '{"Cookie":"%s"}' "$cookie" > "$headers"

run() { # name url form-factor
    local flags=(--only-categories=performance --quiet --output=json --output=html --output-path="$out/$1"
        --chrome-flags="--headless=new --no-sandbox --disable-gpu")
    [ "$3" = desktop ] && flags+=(--preset=desktop)
    [ "$1" = "board-$3" ] && flags+=(--extra-headers="$headers")
    "${lighthouse[@]}" "$2" "${flags[@]}" >/dev/null
    node -e '
        const r = require(process.argv[1]);
        const a = id => r.audits[id].displayValue;
        console.log(`${process.argv[2].padEnd(14)} performance ${Math.round(r.categories.performance.score * 100)}`
            + `  FCP ${a("first-contentful-paint")}  LCP ${a("largest-contentful-paint")}  TBT ${a("total-blocking-time")}`
            + `  CLS ${a("cumulative-layout-shift")}  transfer ${a("total-byte-weight")}  (${r.finalDisplayedUrl})`);
    ' "$out/$1.report.json" "$1"
}

for form in mobile desktop; do
    run "board-$form" "$base/hubs/$hub" "$form"
    run "ask-$form" "$base/ask" "$form"
done
echo "Reports in $out"
