#!/usr/bin/env python3
"""Deletes each pagination rule in turn and checks that a test fails.

For every rule below, a copy of the tree (git worktree at HEAD plus the working
changes) gets that one rule removed, tests/pagination_test is rebuilt and run, and
the script reports whether the suite caught it. Exit 1 if any deletion went unnoticed.

    scripts/check_rule_tests.py [RULE ...]   (substrings of rule names; default: all)
"""
import os, shutil, subprocess, sys, tempfile

# (rule, file, text to find, replacement)
MUTATIONS = [
    ("orphans (paragraph lines at a page foot)", "src/layout/flow.cpp",
     "bool orphan = static_cast<int>(k) < rules.orphans;", "bool orphan = false;"),
    ("widows (paragraph lines at a page top)", "src/layout/flow.cpp",
     "bool widow = static_cast<int>(n - k) < rules.widows;", "bool widow = false;"),
    ("keep with previous (first line)", "src/layout/flow.cpp",
     "box.break_before = !rules.keep_with_previous;", "box.break_before = true;"),
    ("break goes back to the last allowed place", "src/layout/flow.cpp",
     "while (j > page_first && !boxes[j].break_before) --j;", ""),
    ("repeated content marked", "src/layout/flow.cpp",
     "put(*box.repeat, true)", "put(*box.repeat)"),
    ("heading kept with the next block", "src/layout/block_layout.cpp",
     "          keep_next_ = true;\n        } else if constexpr (std::is_same_v<T, List>)",
     "        } else if constexpr (std::is_same_v<T, List>)"),
    ("list item that introduces more kept with it", "src/layout/block_layout.cpp",
     "if (k == 0 && item.blocks.size() > 1 && std::holds_alternative<Paragraph>(b.content)) keep_next_ = true;", ""),
    ("keep_with_next on any block", "src/layout/block_layout.cpp",
     "if (block.keep_with_next) keep_next_ = true;", ""),
    ("keep: together on any block", "src/layout/block_layout.cpp",
     "if (block.keep_together) keep_together(block, out, block_first);", ""),
    ("notes and source kept with the table", "src/layout/block_layout.cpp",
     "if (after_figure_ && (b.role != ParagraphRole::Note || tpl_.tables.keep_notes))",
     "if (after_figure_ && b.role != ParagraphRole::Note && b.role != ParagraphRole::Source)"),
    ("first row kept with the header", "src/layout/table_layout.cpp",
     "!(first && (has_header || has_caption)) && ", ""),
    ("minimum lines before a row cut", "src/layout/table_layout.cpp",
     "data->min_before = static_cast<size_t>(ts_.min_lines_before_split);", "data->min_before = 1;"),
    ("minimum lines after a row cut", "src/layout/table_layout.cpp",
     "data->min_after = static_cast<size_t>(ts_.min_lines_after_split);", "data->min_after = 1;"),
    ("small table not split", "src/layout/table_layout.cpp",
     "if (keep_rows > 0 && d.body.rows <= keep_rows)", "if (false)"),
    ("rowspan rows cut at the page end", "src/layout/table_layout.cpp",
     "int again = fit(std::min(avail, tops[deferred]));", "int again = fit(tops[deferred]);"),
    ("spanning label restated", "src/layout/table_layout.cpp",
     "if (!header && c.rowspan > 1) c.restated = restated_lines(tc, row, column, content);", ""),
    ("header taller than a page is an error", "src/layout/table_layout.cpp",
     "if (repeat && d.body.rows > 0 && repeat->height", "if (false && repeat->height"),
    ("closing keeps the body's last lines", "src/layout/memo_layout.cpp",
     "    out[i - 1].break_before = false;\n", ""),
    ("closing never starts a page", "src/layout/memo_layout.cpp",
     "if (ms.closing_keep_lines > 0) b.keep_with_next();", ""),
]


def main():
    only = sys.argv[1:]  # optional: names (substrings) of the rules to check
    root = subprocess.check_output(["git", "rev-parse", "--show-toplevel"], text=True).strip()
    work = tempfile.mkdtemp(prefix="thaidoc-rules-")
    tree = os.path.join(work, "tree")
    shutil.copytree(root, tree, ignore=shutil.ignore_patterns("build*", "output", ".git", "node_modules"))
    build = os.path.join(work, "build")
    subprocess.run(["cmake", "-S", tree, "-B", build, "-DCMAKE_BUILD_TYPE=Release"], check=True,
                   stdout=subprocess.DEVNULL)
    missed = []
    for name, path, find, replace in MUTATIONS:
        if only and not any(o in name for o in only):
            continue
        file = os.path.join(tree, path)
        original = open(file, encoding="utf-8").read()
        if original.count(find) != 1:
            print(f"?? {name}: the rule's text was not found once in {path}")
            missed.append(name)
            continue
        open(file, "w", encoding="utf-8").write(original.replace(find, replace))
        try:
            b = subprocess.run(["cmake", "--build", build, "-j2", "--target", "pagination_test"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if b.returncode != 0:
                print(f"?? {name}: does not build without the rule\n{b.stderr[-2000:]}")
                missed.append(name)
                continue
            t = subprocess.run([os.path.join(build, "tests", "pagination_test")], cwd=tree,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            failed = [l.split("]", 1)[1].split("(")[0].strip() for l in t.stdout.splitlines()
                      if l.startswith("[  FAILED  ]") and "." in l]
            if t.returncode == 0:
                print(f"MISSED  {name}: every test still passes")
                missed.append(name)
            else:
                print(f"caught  {name}: {', '.join(sorted(set(failed)))}")
        finally:
            open(file, "w", encoding="utf-8").write(original)
    shutil.rmtree(work, ignore_errors=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
