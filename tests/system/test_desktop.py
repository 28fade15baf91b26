"""The app as a desktop citizen: licence, icon, a valid menu entry, installed per user."""

import shutil
import subprocess
from pathlib import Path

import pytest

from journal.cli import main
from journal.desktop import desktop_entry, icon_files, install_desktop_entry, resources_dir

ROOT = Path(__file__).resolve().parents[2]
VALIDATE = shutil.which("desktop-file-validate")


def test_the_licence_is_the_full_gpl_3_text():
    text = (ROOT / "LICENSE").read_text()
    assert text.lstrip().startswith("GNU GENERAL PUBLIC LICENSE")
    assert "Version 3, 29 June 2007" in text and "END OF TERMS AND CONDITIONS" in text
    assert len(text) > 30_000


def test_the_icon_comes_in_svg_and_png_from_16_to_256_pixels():
    from PIL import Image

    assert (resources_dir() / "icons/pain-journal.svg").read_text().lstrip().startswith("<?xml")
    for size, path in icon_files().items():
        with Image.open(path) as image:
            assert image.size == (size, size)


@pytest.mark.skipif(VALIDATE is None, reason="desktop-file-validate is not installed")
def test_the_desktop_file_passes_desktop_file_validate(tmp_path):
    for path in (resources_dir() / "pain-journal.desktop",):
        result = subprocess.run([VALIDATE, str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and result.stdout == "", result.stdout
    odd = tmp_path / "pain-journal.desktop"  # a path with a space, a quote and a percent sign
    odd.write_text(desktop_entry('/opt/my apps/"pain"%/pain-journal'))
    result = subprocess.run([VALIDATE, str(odd)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout
    assert 'Exec="/opt/my apps/\\\\"pain\\\\"%%/pain-journal" quick' in odd.read_text()


def test_install_desktop_puts_the_entry_and_icons_in_xdg_data_home(tmp_path, monkeypatch,
                                                                   capsys):
    home = tmp_path / "xdg data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    assert main(["install-desktop"]) == 0
    entry = home / "applications/pain-journal.desktop"
    text = entry.read_text()
    assert "Name=Pain & Mood Journal" in text and "Icon=pain-journal" in text
    assert (home / "icons/hicolor/256x256/apps/pain-journal.png").is_file()
    assert (home / "icons/hicolor/16x16/apps/pain-journal.png").is_file()
    assert (home / "icons/hicolor/scalable/apps/pain-journal.svg").is_file()
    assert str(entry) in capsys.readouterr().out
    if VALIDATE:
        assert subprocess.run([VALIDATE, str(entry)]).returncode == 0


def test_install_desktop_says_in_one_line_when_it_cannot_write(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(Exception, match="Could not install the desktop entry"):
        install_desktop_entry(blocker, "pain-journal")
