"""Roll-ups over plan trees: exact sums, means with left-out children, ratios of sums."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.core.rollup import (
    Node,
    leaves,
    mean_of,
    mean_of_children,
    nested_mean,
    ratio_of_sums,
    ratio_of_totals,
    roll_up,
    sum_of_children,
    sum_of_leaves,
)

D = Decimal

money = st.one_of(
    st.none(),
    st.decimals(min_value=0, max_value=D(10) ** 13, places=0),
    st.decimals(min_value=0, max_value=D(10) ** 11, places=2),
)


def trees(depth: int = 3) -> st.SearchStrategy[Node]:
    leaf = st.builds(lambda p, r, k: Node(k, {"pagu": p, "realisasi": r}), money, money,
                     st.text(min_size=1, max_size=3))
    return st.recursive(
        leaf,
        lambda kids: st.builds(
            lambda cs, p, k: Node(k, {"pagu": p}, tuple(cs)),
            st.lists(kids, min_size=1, max_size=5), money, st.text(min_size=1, max_size=3),
        ),
        max_leaves=40,
    )


@settings(max_examples=150)
@given(trees())
def test_rollup_of_any_tree_equals_sum_of_leaves(tree: Node) -> None:
    rolled = roll_up(tree, sums=("pagu", "realisasi"))
    expected = [v for v in (leaf.value("pagu") for leaf in leaves(tree)) if v is not None]
    if expected:
        assert rolled.value("pagu") == sum(expected, D(0))
    else:
        assert rolled.value("pagu") is None
    assert rolled.value("pagu") == sum_of_leaves(tree, "pagu")

    def check(node: Node) -> None:
        if node.children:
            assert node.value("pagu") == sum_of_children(node, "pagu")
            for child in node.children:
                check(child)

    check(rolled)


def test_money_is_exact() -> None:
    kids = tuple(Node(str(i), {"pagu": D("7522842676.91")}) for i in range(1000))
    assert roll_up(Node("p", {}, kids), sums=("pagu",)).value("pagu") == D("7522842676910.00")
    # Kutai Kartanegara: 33.845.455.043 as an exact sum of parts
    parts = (D("19113131535"), D("14732323508"))
    tree = Node("u", {}, tuple(Node(str(i), {"pagu": p}) for i, p in enumerate(parts)))
    assert sum_of_leaves(tree, "pagu") == D(33845455043)


def test_sum_of_children_uses_empty_parent_as_its_sum() -> None:
    inner = Node("k", {"pagu": None}, (Node("s1", {"pagu": D(2)}), Node("s2", {"pagu": D(3)})))
    tree = Node("p", {"pagu": D(99)}, (inner, Node("k2", {"pagu": D(10)})))
    assert sum_of_children(tree, "pagu") == 15
    assert sum_of_children(Node("x", {}, (Node("y"),)), "pagu") is None


def test_means() -> None:
    m = mean_of([D("61.66"), D(137), D("86.79"), D("101.15")])   # Paser Tabel 2.2.1
    assert m.value == D("96.65") and m.count == 4
    m = mean_of([D(100), None, D(50)], keys=["a", "b", "c"])
    assert m.value == 75 and m.left_out == ("b",) and m.count == 2
    assert mean_of([None, None]).value is None
    assert mean_of([]).value is None
    w = mean_of([D(100), D(50)], weights=[D(1), D(3)])
    assert w.value == D("62.5") and w.weighted
    assert mean_of([D(1)], weights=[D(0)]).value is None
    with pytest.raises(ValueError):
        mean_of([D(1)], weights=[D(1), D(2)])
    with pytest.raises(ValueError):
        mean_of([D(1)], keys=["a", "b"])


def test_nested_mean_and_left_out() -> None:
    keg1 = Node("k1", {}, (Node("s1", {"c": D(100)}), Node("s2", {"c": D(0)})))
    keg2 = Node("k2", {}, (Node("s3", {"c": None}), Node("s4", {"c": D(80)})))
    keg3 = Node("k3", {}, (Node("s5", {"c": None}),))
    prog = Node("p", {}, (keg1, keg2, keg3))
    m = nested_mean(prog, "c")
    assert m.value == 65                                       # (50 + 80) / 2
    assert m.left_out == ("s3", "s5", "k3")
    assert mean_of_children(keg1, "c").value == 50
    rolled = roll_up(prog, means=("c",))
    assert rolled.value("c") == 65
    assert rolled.left_out == {"c": ("k3",)}
    assert rolled.children[1].left_out == {"c": ("s3",)}
    third = Node("t", {}, (Node("a", {"c": D(1)}), Node("b", {"c": D(0)}), Node("d", {"c": D(0)})))
    assert nested_mean(third, "c", round_to=2).value == D("0.33")


def test_ratio_of_sums() -> None:
    tree = Node("t", {}, (
        Node("a", {"r": D(5), "p": D(10)}),
        Node("b", {"r": D(95), "p": D(990)}),
    ))
    assert ratio_of_sums(tree, "r", "p") == 10                 # not (50 + 9,6) / 2
    assert ratio_of_totals([(D(12386177788), D(29160800721))]).quantize(D("0.01")) == D("42.48")
    assert ratio_of_sums(Node("z", {"r": D(1), "p": D(0)}), "r", "p") is None
    rolled = roll_up(tree, sums=("r", "p"), ratios={"pct": ("r", "p")})
    assert rolled.value("pct") == 10
    assert rolled.children[0].value("pct") == 50
    leaf = roll_up(Node("l", {"r": D(1), "p": D(4)}), ratios={"pct": ("r", "p")})
    assert leaf.value("pct") == 25 and leaf.is_leaf


@given(st.lists(st.one_of(st.none(), st.decimals(min_value=0, max_value=1000, places=2)),
                max_size=20))
def test_mean_lies_between_min_and_max(values: list[Decimal | None]) -> None:
    m = mean_of(values)
    present = [v for v in values if v is not None]
    assert m.count == len(present)
    assert len(m.left_out) == len(values) - len(present)
    if present:
        assert m.value is not None and min(present) <= m.value <= max(present)
    else:
        assert m.value is None
