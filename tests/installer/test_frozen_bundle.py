"""The built (frozen) app does what the source does: commands, reports with their fonts,
the Excel round trip, migrations, every section of the window, and portable mode."""

from __future__ import annotations

import configparser
import shutil
import signal
import subprocess
import tarfile
import time
from pathlib import Path, PureWindowsPath

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, text

from cs360desk import __version__
from cs360desk.db.engine import mark_as_workspace
from cs360desk.db.migration import alembic_config, head_revision
from cs360desk.i18n import CLDR_DATA
from tests.installer.conftest import ROOT, BuiltApp
from tests.installer.test_inno_setup_script import defines

MAX_BUNDLE_BYTES = 250 * 1024 * 1024
DEJAVU = "DejaVuSansCondensed"


@pytest.fixture(scope="module")
def demo_workspace(built_app: BuiltApp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample agency, written by the built app itself."""
    home = tmp_path_factory.mktemp("demo-home")
    path = home / "demo.cs360"
    result = built_app.run("--db", str(path), "demo", home=home)
    assert result.returncode == 0, result.stderr
    assert path.is_file()
    return path


def test_version(built_app: BuiltApp, tmp_path: Path) -> None:
    result = built_app.run("--version", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"cs360desk {__version__}"


def test_check_says_the_demo_workspace_is_sound_and_current(
    built_app: BuiltApp, demo_workspace: Path, tmp_path: Path
) -> None:
    result = built_app.run("--db", str(demo_workspace), "check", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"sound; schema {head_revision()} (current)" in result.stdout


def test_check_refuses_a_file_that_is_not_a_workspace(built_app: BuiltApp, tmp_path: Path) -> None:
    junk = tmp_path / "junk.cs360"
    junk.write_bytes(b"not a database at all" * 100)
    result = built_app.run("--db", str(junk), "check", home=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("cs360desk: ")
    assert junk.read_bytes() == b"not a database at all" * 100


def test_progress_report_embeds_the_bundled_fonts(
    built_app: BuiltApp, demo_workspace: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "progress.pdf"
    args = ("--db", str(demo_workspace), "report", "progress", "--initiative", "1")
    result = built_app.run(*args, "--draft", "-o", str(pdf), home=tmp_path)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(pdf)
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {DEJAVU, f"{DEJAVU}-Bold", "DejaVuSans-Bold"} <= fonts
    first = reader.pages[0].extract_text()
    assert "CS360 Progress Update" in first
    assert f"Page 1 of {len(reader.pages)}" in first


def test_a_spanish_report_uses_the_bundled_catalog_and_cldr_dates(
    built_app: BuiltApp, demo_workspace: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "avance.pdf"
    args = ("--db", str(demo_workspace), "report", "progress", "--initiative", "1", "--lang", "es")
    result = built_app.run(*args, "--draft", "-o", str(pdf), home=tmp_path)
    assert result.returncode == 0, result.stderr
    first = PdfReader(pdf).pages[0].extract_text()
    assert "Informe de avance CS360" in first and "Progress Update" not in first
    assert "Página 1 de" in first
    catalogs = list(built_app.bundle.rglob("cs360desk.mo"))
    assert [path.parent.parent.name for path in catalogs] == ["es"]


def test_excel_tracker_export_and_import_round_trip(
    built_app: BuiltApp, demo_workspace: Path, tmp_path: Path
) -> None:
    workspace = tmp_path / "w.cs360"
    workspace.write_bytes(demo_workspace.read_bytes())
    tracker = tmp_path / "tracker.xlsx"
    db = ("--db", str(workspace))
    result = built_app.run(
        *db, "export", "xlsx", "--initiative", "1", "-o", str(tracker), home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(tracker)
    assert book.sheetnames[:8] == [
        "Action Items",
        "Meetings",
        "Attendance",
        "People",
        "Teams",
        "Measures",
        "Measurements",
        "Communications",
    ]
    sheet = book["Action Items"]
    assert [cell.value for cell in sheet[1]][:2] == ["ID", "Title"]
    sheet.cell(row=2, column=2, value="Nguyễn Thị Hoa checks the lights")
    book.save(tracker)

    preview = built_app.run(*db, "import", "xlsx", str(tracker), home=tmp_path)
    assert preview.returncode == 0, preview.stdout + preview.stderr
    assert "0 new, 1 changed" in preview.stdout
    applied = built_app.run(*db, "import", "xlsx", "--apply", str(tracker), home=tmp_path)
    assert applied.returncode == 0, applied.stderr
    assert "Imported 1 row." in applied.stdout
    again = built_app.run(*db, "import", "xlsx", str(tracker), home=tmp_path)
    assert "0 new, 0 changed" in again.stdout


def test_an_old_workspace_is_backed_up_and_upgraded(built_app: BuiltApp, tmp_path: Path) -> None:
    old = tmp_path / "old.cs360"
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        from alembic import command

        command.upgrade(alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO initiative (name, stage, started_on, commitment, created_at, "
                "updated_at, version) VALUES ('Robos en la plaza', 'launch', '2026-01-01', '', "
                "'2026-01-01', '2026-01-01', 1)"
            )
        )
    mark_as_workspace(engine)  # what every version of the app stamps on its files
    engine.dispose()
    before = built_app.run("--db", str(old), "check", home=tmp_path)
    assert "schema 0001 (older; it is upgraded when opened)" in before.stdout

    info = built_app.run("--db", str(old), "info", home=tmp_path)
    assert info.returncode == 0, info.stderr
    assert [line.split() for line in info.stdout.splitlines() if "initiative" in line] == [
        ["initiative", "1"]
    ]
    after = built_app.run("--db", str(old), "check", home=tmp_path)
    assert f"schema {head_revision()} (current)" in after.stdout
    assert list((tmp_path / "old-backups").glob("old-*.cs360")), "no backup before the upgrade"


def test_every_section_of_the_window_renders(
    built_app: BuiltApp, demo_workspace: Path, tmp_path: Path
) -> None:
    from PySide6.QtGui import QImage

    from cs360desk.ui.shell.main_window import SECTIONS
    from cs360desk.ui.shell.screenshots import section_file_name

    out = tmp_path / "shots"
    result = built_app.run(
        "--db", str(demo_workspace), "screenshots", "--out", str(out), home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    expected = {section_file_name(spec.title) for spec in SECTIONS}
    shots = {"first_run.png", "first_run_form.png", "settings.png"}
    assert expected | shots == {p.name for p in out.iterdir()}
    chart = QImage(str(out / section_file_name("Goals & measures")))
    assert (chart.width(), chart.height()) == (1280, 800)
    colours = {chart.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20, "the goals page looks blank"


def test_bundle_size_and_contents(built_app: BuiltApp) -> None:
    # PyInstaller links some libraries into place: count each file once.
    files = [p for p in built_app.bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    assert sum(path.stat().st_size for path in files) <= MAX_BUNDLE_BYTES
    names = {path.name for path in files}
    internal = built_app.bundle / "_internal"
    for used in ("libQt6Charts.so.6", "libQt6PrintSupport.so.6", "libQt6Widgets.so.6"):
        assert used in names
    for unused in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6"):
        assert unused not in names
    cldr = {path.stem for path in (internal / "babel" / "locale-data").glob("*.dat")}
    assert cldr == set(CLDR_DATA)  # not all of CLDR: 35 MB the app never reads
    fonts = internal / "cs360desk" / "reports" / "fonts"
    assert {f"{DEJAVU}.ttf", "DejaVuSans-Bold.ttf", "LICENSE.txt"} <= {
        p.name for p in fonts.iterdir()
    }
    migrations = internal / "cs360desk" / "db" / "migrations"
    assert (migrations / "script.py.mako").is_file()
    assert (migrations / "env.py").is_file()
    assert (migrations / "versions" / "0001_initial_schema.py").is_file()
    # ui/shell/app_icon.py finds the icons in resources/, three folders above its own.
    app_icon = internal / "cs360desk" / "ui" / "shell" / "app_icon.pyc"
    assert app_icon.is_file()
    assert (app_icon.parents[3] / "resources" / "icon-256.png").is_file()


def test_portable_copy_keeps_everything_beside_it(built_app: BuiltApp, tmp_path: Path) -> None:
    marker = built_app.bundle / "portable"
    data = built_app.bundle / "data"
    home = tmp_path / "home"
    marker.write_text("")
    try:
        demo = built_app.run("demo", home=home)
        assert demo.returncode == 0, demo.stderr
        assert (data / "workspace.cs360").is_file()
        _open_the_window_until_it_backs_up(built_app, home, data / "workspace-backups")
        # Nothing was written to the computer: no data or settings folder in the home
        # (a font cache that fontconfig may make is not the app's).
        assert [p.name for p in home.iterdir() if p.name != ".cache"] == []
    finally:
        marker.unlink()
        shutil.rmtree(data, ignore_errors=True)
    plain = built_app.run("--help", home=home)
    # argparse wraps the help at spaces and hyphens; compare without any of them.
    usual = "".join(str(home / ".local" / "share" / "CS360 Desk" / "workspace.cs360").split())
    assert usual in "".join(plain.stdout.split())


def _open_the_window_until_it_backs_up(built_app: BuiltApp, home: Path, backups: Path) -> None:
    """Start the desktop app (no command); opening the workspace takes its first daily
    backup, which shows the window's start-up ran in the portable data folder."""
    window = subprocess.Popen(
        [str(built_app.executable)],
        env=built_app.environment(home),
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not list(backups.glob("workspace-*.cs360")) and window.poll() is None:
            assert time.monotonic() < deadline, "the window never opened its workspace"
            time.sleep(0.2)
        # The window is built and shown right after; it must still be up a moment later.
        time.sleep(3)
        assert window.poll() is None, window.communicate()[1]
    finally:
        window.send_signal(signal.SIGTERM)
        window.communicate(timeout=60)


def test_the_windows_installer_reads_the_folder_this_spec_builds(built_app: BuiltApp) -> None:
    bundle_dir = PureWindowsPath(defines()["BundleDir"])
    assert bundle_dir.name == built_app.bundle.name
    assert bundle_dir.parent.name == built_app.bundle.parent.name == "dist"


def test_linux_archive_and_menu_entry(built_app: BuiltApp, tmp_path: Path) -> None:
    [archive] = [path for path in built_app.packages if path.name.endswith(".tar.gz")]
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    root = built_app.bundle.name
    assert {f"{root}/cs360desk", f"{root}/install.sh", f"{root}/cs360desk.desktop"} <= names
    share = tmp_path / "share"
    env = {**built_app.environment(tmp_path / "home"), "XDG_DATA_HOME": str(share)}
    install = subprocess.run(
        [str(built_app.bundle / "install.sh")], env=env, capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(share / "applications" / "cs360desk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == f'"{built_app.bundle}/cs360desk"'
    assert (desktop["Name"], desktop["Icon"], desktop["Type"]) == (
        "CS360 Desk",
        "cs360desk",
        "Application",
    )
    icon = share / "icons" / "hicolor" / "256x256" / "apps" / "cs360desk.png"
    assert icon.read_bytes() == (ROOT / "resources" / "icon-256.png").read_bytes()

    remove = subprocess.run(
        [str(built_app.bundle / "install.sh"), "--remove"], env=env, capture_output=True, text=True
    )
    assert remove.returncode == 0, remove.stderr
    assert not (share / "applications" / "cs360desk.desktop").exists()
    assert not icon.exists()
    assert built_app.executable.is_file()
