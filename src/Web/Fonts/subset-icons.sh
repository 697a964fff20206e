#!/usr/bin/env bash
# Rebuilds wwwroot/fonts/material-symbols.woff2: Radzen's Material Symbols font (1 MB, ~4,000 icons)
# cut down to the glyphs named in icons.txt, keeping their ligatures (an icon is written as its name)
# and the fill/weight axes. Needs fonttools with brotli (Debian: apt-get install fonttools python3-brotli).
# Run it after adding an icon to icons.txt, or after a Radzen.Blazor upgrade (the version is read from
# Directory.Packages.props), and commit the font it writes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
version="$(sed -n 's/.*PackageVersion Include="Radzen.Blazor" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")"
source_font="${NUGET_PACKAGES:-$HOME/.nuget/packages}/radzen.blazor/$version/staticwebassets/fonts/MaterialSymbolsOutlined.woff2"
[ -f "$source_font" ] || { echo "No $source_font: restore the solution first (dotnet restore)." >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
grep -v '^#' "$here/icons.txt" | sed '/^$/d' > "$work/names"

# The font's ligature table gives each icon name's glyph; the subset keeps those glyphs and the letters
# that spell them, and --no-layout-closure stops fonttools from pulling in every other ligature those
# letters could form (which would be the whole font again).
python3 - "$source_font" "$work" <<'PY'
import sys
from fontTools.ttLib import TTFont
font, work = TTFont(sys.argv[1]), sys.argv[2]
reverse = {glyph: code for code, glyph in font.getBestCmap().items()}
glyph_of = {}
for lookup in font["GSUB"].table.LookupList.Lookup:
    for sub in lookup.SubTable:
        sub = sub.ExtSubTable if lookup.LookupType == 7 else sub
        for first, ligatures in getattr(sub, "ligatures", {}).items():
            for ligature in ligatures:
                parts = [first] + ligature.Component
                if all(p in reverse for p in parts):
                    glyph_of["".join(chr(reverse[p]) for p in parts)] = ligature.LigGlyph
names = open(f"{work}/names").read().split()
unknown = [n for n in names if n not in glyph_of]
if unknown:
    sys.exit("Not in Material Symbols: " + ", ".join(unknown))
open(f"{work}/glyphs", "w").write("\n".join(glyph_of[n] for n in names))
open(f"{work}/text", "w").write("".join(sorted(set("".join(names)))) + " 0123456789")
PY

mkdir -p "$root/src/Web/wwwroot/fonts"
pyftsubset "$source_font" --glyph-names --glyphs-file="$work/glyphs" --text-file="$work/text" \
    --no-layout-closure --layout-features='*' --flavor=woff2 \
    --output-file="$root/src/Web/wwwroot/fonts/material-symbols.woff2"
ls -l "$root/src/Web/wwwroot/fonts/material-symbols.woff2"
