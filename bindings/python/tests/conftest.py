"""Fixtures: a small folder of documents written for these tests, and the
command-line tool to compare with."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Dict, Iterator

import pytest

ROOT = Path(__file__).resolve().parents[3]

#: Documents written for the tests (never copied from the corpus).
DOCUMENTS: Dict[str, str] = {
    "speech.txt": (
        "在全市数据工作会议上的讲话\n"
        "同志们：\n"
        "　　今天召开会议，主要任务是总结工作、部署任务。\n"
        "一、充分肯定去年成绩\n"
        "　　一是机构进一步健全。二是制度逐步完善。三是队伍不断壮大。\n"
        "二、扎实做好今年各项重点工作\n"
        "（一）深化数据共享应用\n"
        "　　要打通部门壁垒，推动数据按需共享。\n"
        "（二）加强安全保障\n"
        "　　首先，压实责任。其次，完善制度。最后，强化监督。\n"
        "谢谢大家！\n"
    ),
    "report.txt": (
        "政府工作报告\n"
        "各位代表：\n"
        "一、过去一年工作回顾\n"
        "1.经济运行稳中有进。全年生产总值增长5%。\n"
        "2.民生保障扎实有力。\n"
        "二、今年工作总体要求\n"
        "（一）稳增长\n"
        "（1）扩大有效投资。\n"
        "（2）提振消费。\n"
        "（三）防风险\n"
    ),
    "law.txt": (
        "数据管理条例\n"
        "第一章 总则\n"
        "第一条 为了规范数据管理，制定本条例。\n"
        "第二条 本条例适用于本市行政区域。\n"
        "第二章 管理\n"
        "第三条 数据主管部门负责统筹。\n"
    ),
    "runin.txt": "一、总体要求一是坚持稳中求进。二是坚持创新驱动。二、主要任务（一）加强领导。（二）狠抓落实。",
    "notice.md": "关于做好年度工作的通知\n各区、各部门：\n一、明确目标\n二、落实责任\n特此通知。\n",
    # Markers behind `##` and `**`: only the masked copy shows them.
    "rules.md": (
        "# 数据共享管理办法\n"
        "\n"
        "## 第一章 总则\n"
        "\n"
        "**第一条** 为了规范数据共享，制定本办法。\n"
        "\n"
        "**第二条** 本办法适用于本市各级部门。\n"
        "\n"
        "## 第二章 职责\n"
        "\n"
        "### 第一节 主管部门\n"
        "\n"
        "第三条 主管部门负责统筹，**一是**制定目录，**二是**督促落实。\n"
        "\n"
        "### 第二节 使用部门\n"
        "\n"
        "第四条 使用部门应当依法使用数据。\n"
    ),
    # Headings as markup: the numbered paragraphs nest under them.
    "page.html": (
        "<!DOCTYPE html>\n"
        '<html><head><meta charset="utf-8"><title>关于加强数据安全的通知</title></head>\n'
        "<body><main>\n"
        "<h1>关于加强数据安全的通知</h1>\n"
        "<p>各区、各部门：</p>\n"
        "<h2>第一章 总体要求</h2>\n"
        "<p>第一条 各部门要压实数据安全责任。</p>\n"
        "<p>第二条 <strong>一是</strong>完善制度。<strong>二是</strong>加强检查。</p>\n"
        "<h2>第二章 保障措施</h2>\n"
        "<p>第三条 各部门要配齐安全人员。</p>\n"
        "<p>特此通知。</p>\n"
        "</main></body></html>\n"
    ),
}

#: A GBK-encoded document (detected as GB18030).
GBK_NAME = "gbk.txt"
GBK_TEXT = "一、总体要求\n（一）指导思想\n一要提高站位。二要压实责任。\n二、保障措施\n"


def write_corpus(folder: Path) -> None:
    """Writes the test documents into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / GBK_NAME).write_bytes(GBK_TEXT.encode("gbk"))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of small documents in UTF-8 and GBK."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder)
    return folder


@pytest.fixture(scope="session")
def speechtree_bin() -> Iterator[Path]:
    """The command-line tool, built if needed (``SPEECHTREE_BIN`` overrides)."""
    given = os.environ.get("SPEECHTREE_BIN")
    if given:
        yield Path(given)
        return
    cargo = shutil.which("cargo")
    if cargo is None:
        pytest.skip("skipped: cargo is not installed, so the command cannot be built to compare with")
    subprocess.run([cargo, "build", "--quiet", "--bin", "speechtree"], cwd=ROOT, check=True)
    yield ROOT / "target" / "debug" / "speechtree"
