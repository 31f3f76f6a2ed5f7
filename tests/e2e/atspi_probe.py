#!/usr/bin/python3
"""Reads and drives the Factbench window through AT-SPI, as a screen
reader does.

Usage:
  atspi_probe.py APP_NAME                 the window and the article
  atspi_probe.py APP_NAME extents NAME    where the first object whose name
                                          starts with NAME is on screen
  atspi_probe.py APP_NAME click NAME      press the button named NAME
  atspi_probe.py APP_NAME focus NAME      give the field named NAME the keyboard
  atspi_probe.py APP_NAME char OFFSET     where the article's char OFFSET is

The first prints one JSON line: the main window's name, and of the
"Article text" document its text, caret offset and selections (as offsets
and as text), the word at the caret by GetStringAtOffset (what Orca 46 and
later call), and whether GetTextAtOffset (the older method Orca 45 and
earlier call) answers. `extents` and `char` print "X Y WIDTH HEIGHT" in
screen pixels. Waits up to 20 s for the application to appear on the bus; exits 1
when what was asked for is not there.
"""

import json
import sys
import time

import pyatspi
from gi.repository import Atspi


def find_app(name):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == name:
            return app
    return None


def find(node, predicate, depth=0):
    if predicate(node):
        return node
    if depth > 40:
        return None
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is None:
            continue
        found = find(child, predicate, depth + 1)
        if found is not None:
            return found
    return None


EDITABLE = (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT)


def named(prefix):
    return lambda node: (node.name or "").startswith(prefix)


def act(app, verb, name):
    """Does what `extents`, `click` or `focus` asks of the object named `name`."""
    if verb == "char":
        document = find(app, lambda n: n.name == "Article text")
        if document is None:
            print("no 'Article text' document", file=sys.stderr)
            return 1
        box = document.queryText().getCharacterExtents(int(name), pyatspi.DESKTOP_COORDS)
        print(*box)
        return 0
    node = None
    if verb == "focus":
        # A field, not the label beside it that has the same name.
        node = find(app, lambda n: named(name)(n) and n.getRole() in EDITABLE)
    if verb == "click":
        # A button of exactly that name first, not a text that starts so.
        node = find(app, lambda n: n.name == name and n.getRole() == pyatspi.ROLE_PUSH_BUTTON)
    node = node or find(app, named(name))
    if node is None:
        print(f"no object named {name!r}", file=sys.stderr)
        return 1
    if verb == "extents":
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        print(box.x, box.y, box.width, box.height)
    elif verb == "click":
        action = node.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        index = names.index("click") if "click" in names else 0
        action.doAction(index)
    elif verb == "focus":
        node.queryComponent().grabFocus()
    else:
        print(f"unknown request {verb!r}", file=sys.stderr)
        return 2
    return 0


def main():
    name = sys.argv[1]
    app = None
    deadline = time.time() + 20
    while app is None and time.time() < deadline:
        app = find_app(name)
        if app is None:
            time.sleep(0.3)
    if app is None:
        print(json.dumps({"error": f"no application {name!r} on the accessibility bus"}))
        return 1
    if len(sys.argv) == 4:
        return act(app, sys.argv[2], sys.argv[3])
    frame = app.getChildAtIndex(0)
    document = find(app, lambda n: n.name == "Article text" and n.getRoleName().startswith("document"))
    if document is None:
        print(json.dumps({"error": "no 'Article text' document", "window": frame.name}))
        return 1
    text = document.queryText()
    caret = text.caretOffset
    selections = [text.getSelection(i) for i in range(text.getNSelections())]
    word = Atspi.Text.get_string_at_offset(document, max(caret, 0), Atspi.TextGranularity.WORD)
    try:
        text.getTextAtOffset(max(caret, 0), pyatspi.TEXT_BOUNDARY_WORD_START)
        older_method = "answers"
    except Exception as error:  # the adapter lacks the method
        older_method = str(error).splitlines()[0][:120]
    print(
        json.dumps(
            {
                "window": frame.name,
                "characters": text.characterCount,
                "text": text.getText(0, -1),
                "caret": caret,
                "selections": [[s, e, text.getText(s, e)] for s, e in selections],
                "word_at_caret": word.content,
                "get_text_at_offset": older_method,
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
