"""``cli.common.print_failure``: the one way a command that writes a file tells why it stopped."""

from __future__ import annotations

import errno

import pytest


@pytest.fixture(autouse=True)
def english(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "en")


def test_a_service_refusal_is_printed_as_it_is(capsys, tmp_path):
    from outreach_desk.cli.common import print_failure
    from outreach_desk.services.errors import ServiceError

    assert print_failure(ServiceError("No township is named 青石镇."), tmp_path) == 2
    assert capsys.readouterr().err.strip() == "No township is named 青石镇."


def test_an_os_failure_without_a_file_name_is_explained_for_the_folder_given(capsys, tmp_path):
    from outreach_desk.cli.common import print_failure

    folder = tmp_path / "月报 文件夹"
    folder.mkdir()
    assert print_failure(OSError(errno.ENOSPC, "No space left on device"), folder) == 2
    err = capsys.readouterr().err
    assert f"The disk holding {folder} is full" in err and "No space left" not in err


def test_an_os_failure_names_its_own_file_when_it_has_one(capsys, tmp_path):
    from outreach_desk.cli.common import print_failure

    target = tmp_path / "只读" / "月报.xlsx"
    assert print_failure(OSError(errno.EROFS, "Read-only file system", str(target)), tmp_path) == 2
    assert f"{target} is on a read-only disk" in capsys.readouterr().err
