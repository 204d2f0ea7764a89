#!/usr/bin/env python3
"""Checks the size limits of STYLE.md on server/src: no function over 80 lines and no source
file over 600 lines, tests aside. Prints every breach; exits 1 if any.

clang-format keeps namespace bodies unindented, so a function defined at namespace scope starts
on a line at column 0; it ends where its braces close. That is what is measured (member
functions written inside a class body are indented, and kept short by review).
"""
import pathlib
import re
import sys

MAX_FUNCTION_LINES = int(sys.argv[1]) if len(sys.argv) > 1 else 80
MAX_FILE_LINES = 600
ROOT = pathlib.Path(__file__).resolve().parent.parent / "server" / "src"

# Declarations that open a brace at column 0 but are not functions.
NOT_A_FUNCTION = re.compile(
    r"^(namespace|using|struct|class|enum|union|template\s*<[^>]*>\s*(struct|class)|"
    r"(inline\s+)?(static\s+)?(constexpr|const)\b)")
STARTS_DECLARATION = re.compile(r"^[A-Za-z_~]")


def is_test(path: pathlib.Path) -> bool:
    return (path.name.endswith("_test.cpp") or "testing" in path.parts
            or "contract" in path.parts)


def braces(line: str) -> int:
    """The change in brace depth a line makes, outside strings, characters and comments."""
    line = re.sub(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'', "", line.split("//")[0])
    return line.count("{") - line.count("}")


def long_functions(lines):
    start, depth = None, 0
    for number, line in enumerate(lines):
        if start is None:
            if (STARTS_DECLARATION.match(line) and not NOT_A_FUNCTION.match(line)
                    and not line.rstrip().endswith(";")):
                start, depth, opened = number, 0, False
            else:
                continue
        depth += braces(line)
        opened = opened or "{" in line.split("//")[0]
        if opened and depth <= 0:
            length = number - start + 1
            if length > MAX_FUNCTION_LINES:
                yield start + 1, length, lines[start].strip()
            start = None
        elif not opened and line.rstrip().endswith(";"):
            start = None  # a declaration that spanned several lines, not a definition


def main() -> int:
    breaches = 0
    for path in sorted(ROOT.rglob("*")):
        if path.suffix not in (".cpp", ".hpp") or is_test(path):
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        name = path.relative_to(ROOT)
        if text.count("\n") > MAX_FILE_LINES:
            print(f"size: {name} has {text.count(chr(10))} lines (at most {MAX_FILE_LINES})")
            breaches += 1
        for line, length, head in long_functions(lines):
            print(f"size: {name}:{line} a function of {length} lines (at most "
                  f"{MAX_FUNCTION_LINES}): {head[:60]}")
            breaches += 1
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())
