"""The application context: opening projects, settings, the task runner and the --screenshot path."""

from __future__ import annotations

import threading

import pytest

from app import services
from app.cli import main
from app.ui.settings import CODER_NAME, RECENT_PROJECTS, Setting


def test_open_project_remembers_it_and_announces_it(qtbot, qapp, settings, study):
    from app.ui.context import ApplicationContext

    context = ApplicationContext(settings)
    with qtbot.waitSignal(context.sig_project_opened):
        context.open_project(study)
    assert context.project is not None
    assert settings.get(RECENT_PROJECTS) == [str(study.resolve())]
    context.shutdown()


def test_settings_are_typed_with_defaults(settings):
    assert settings.get(CODER_NAME) == "default"
    settings.set(CODER_NAME, "Anna")
    assert settings.get(CODER_NAME) == "Anna"
    assert settings.get(Setting("nothing/here", int, 7)) == 7
    settings.set(RECENT_PROJECTS, ["one.fcproj"])
    assert settings.get(RECENT_PROJECTS) == ["one.fcproj"]


def test_a_refused_change_is_reported_and_not_stacked(qtbot, context):
    from app.ui.commands import AddCode

    with qtbot.waitSignal(context.sig_error) as error:
        assert not context.execute(AddCode(context, "Sprache"))
    assert "exists already" in error.args[0]
    assert context.undo_stack.count() == 0


def test_a_change_is_announced_with_its_changeset(qtbot, context):
    from app.ui.commands import AddCode

    with qtbot.waitSignal(context.sig_project_changed) as changed:
        assert context.execute(AddCode(context, "Mobilität"))
    assert changed.args[0].ids("code")
    assert context.undo_stack.count() == 1


def test_background_work_reports_progress_and_delivers_on_the_gui_thread(qtbot, context):
    seen = {}

    gate = threading.Event()  # the work waits until the test listens for its end

    def work(state, numbers):
        gate.wait(5)
        seen["worker"] = threading.current_thread()
        for index, _ in enumerate(numbers):
            state.report(index / len(numbers), "counting")
        return sum(numbers)

    received = []

    task = context.tasks.submit("sum", work, [1, 2, 3])
    task.sig_finished.connect(lambda result: received.append((result, threading.current_thread())))
    with qtbot.waitSignal(task.sig_finished, timeout=5000) as finished:
        gate.set()
    assert finished.args == [6]
    qtbot.waitUntil(lambda: bool(received))
    assert received[0] == (6, threading.main_thread())
    assert seen["worker"] is not threading.main_thread()


def test_a_cancelled_task_says_so(qtbot, context):
    started = threading.Event()
    release = threading.Event()

    def slow(state):
        started.set()
        release.wait(5)
        state.check()
        return "never"

    task = context.tasks.submit("slow", slow)
    qtbot.waitUntil(started.is_set)  # the work starts once the event loop runs
    with qtbot.waitSignal(task.sig_cancelled, timeout=5000):
        task.cancel()
        release.set()


def test_a_failing_task_hands_over_its_error(qtbot, context):
    gate = threading.Event()

    def broken(state):
        gate.wait(5)
        raise ValueError("no such file")

    task = context.tasks.submit("broken", broken)
    with qtbot.waitSignal(task.sig_failed, timeout=5000) as failed:
        gate.set()
    assert str(failed.args[0]) == "no such file"


def test_gui_screenshot_renders_the_main_window(qapp, study, tmp_path):
    png = tmp_path / "window.png"
    assert main(["gui", str(study), "--screenshot", str(png)]) == 0
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000


def test_gui_screenshot_of_a_file_that_is_no_project_fails_with_a_message(qapp, tmp_path, capsys):
    bogus = tmp_path / "notes.fcproj"
    bogus.write_text("hello")
    assert main(["gui", str(bogus), "--screenshot", str(tmp_path / "x.png")]) == 1
    assert "error:" in capsys.readouterr().err


def test_other_commands_do_not_import_qt(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys; from app.cli import main; "
        f"main(['new', {str(tmp_path / 'p.fcproj')!r}]); "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")
