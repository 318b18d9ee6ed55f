"""The examples of docs/python.md and of the package's docstrings run."""

from __future__ import annotations

import doctest

import pytest

import speechtree
import speechtree._tree

from conftest import ROOT


def test_the_walkthrough_runs() -> None:
    result = doctest.testfile(
        str(ROOT / "docs" / "python.md"), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert result.attempted > 10, "the walkthrough's examples were found"
    assert result.failed == 0


@pytest.mark.parametrize("module", [speechtree, speechtree._tree])
def test_docstring_examples_run(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0


def test_langchain_docstring_runs() -> None:
    pytest.importorskip("langchain_text_splitters", reason="skipped: langchain-text-splitters is not installed")
    import speechtree.langchain

    assert doctest.testmod(speechtree.langchain).failed == 0


def test_every_public_name_has_a_docstring() -> None:
    for name in speechtree.__all__:
        obj = getattr(speechtree, name)
        assert obj.__doc__ and obj.__doc__.strip(), f"{name} has a docstring"
        for attr, value in vars(obj).items() if isinstance(obj, type) else []:
            if attr.startswith("_") or not callable(value) and not isinstance(value, property):
                continue
            assert getattr(value, "__doc__", None), f"{name}.{attr} has a docstring"
