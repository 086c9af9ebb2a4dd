"""Which language a report is in, or a clear refusal."""

import pytest

from geo.errors import ReportTextError
from geo.extract.language import check_language, detect_language


@pytest.mark.parametrize(("text", "language"), [
    ("North Korea has put Hyesan under lockdown, a source said.", "en"),
    ("혜산시가 봉쇄됐다고 소식통이 전했다. Daily NK 2021 https://www.dailynk.com/", "ko"),
])
def test_detects(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(("text", "message"), [
    ("1234 5678 -- !!", "nothing to read"),
    ("这是一个关于城市封锁的中文报道没有英文或韩文内容。" * 2, "neither English nor Korean"),
    ("Les autorités nord-coréennes ont imposé un confinement strict à Hyesan, selon une "
     "source locale qui a parlé au journal. La ville est fermée depuis lundi et les marchés "
     "sont fermés. Les habitants ne peuvent pas sortir de chez eux.", "other than English"),
])
def test_refuses(text, message):
    with pytest.raises(ReportTextError, match=message):
        detect_language(text)


def test_a_named_language_is_checked():
    assert check_language("ko", "anything") == "ko"
    with pytest.raises(ReportTextError, match="use en, ko or auto"):
        check_language("fr", "texte")
