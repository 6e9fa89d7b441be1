"""Roll-ups over a tree of plans: exact sums, means of achievement, ratios of sums.

A tree is made of nodes (government → agency → program → kegiatan → sub kegiatan → indicator,
or any part of it) that each hold named values (`pagu`, `realisasi`, `capaian` …) and an
optional weight. Three kinds of roll-up apply (rules.md §4 and §6):

- **sums** for money and flow counts: a parent is the exact sum of its children;
- **means** for achievement: a parent's achievement is the mean of its children's (unweighted by
  default, `Σ capaian × bobot / Σ bobot` with weights); children without an achievement are left
  out and reported, never counted as 0;
- **ratios of sums** for budget achievement: total realisation over total pagu at each level,
  never a mean of the children's percentages.

`TreeNode` is the protocol the reading functions accept; `Node` is a frozen dataclass that
satisfies it and that `roll_up` builds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from kinerja.core.exact import ZERO, exact, percent, total

ONE = Decimal(1)


class TreeNode(Protocol):
    """What a roll-up needs from a node: a key, children, a weight and named values."""

    @property
    def key(self) -> str:
        """A name for reports (a code, or the node's name)."""
        ...

    @property
    def children(self) -> Sequence[TreeNode]:
        """The nodes directly below."""
        ...

    @property
    def weight(self) -> Decimal:
        """The weight of this node in its parent's mean (1 by default)."""
        ...

    def value(self, name: str) -> Decimal | None:
        """The node's own value of `name`, or None."""
        ...


@dataclass(frozen=True)
class Node:
    """A node of a plan tree with named values, children and a weight.

    `left_out` is filled by `roll_up`: for each averaged value, the keys of the children that
    had no value and were left out of the mean.
    """

    key: str
    values: Mapping[str, Decimal | None] = field(default_factory=dict)
    children: tuple[Node, ...] = ()
    weight: Decimal = ONE
    left_out: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def value(self, name: str) -> Decimal | None:
        """The node's own value of `name`, or None."""
        return self.values.get(name)

    @property
    def is_leaf(self) -> bool:
        """True when the node has no children."""
        return not self.children


@dataclass(frozen=True)
class Mean:
    """A (weighted) mean of achievements: `value` (None when nothing was averaged), how many
    values took part, the keys of those left out for having no value, and whether weights other
    than 1 were used."""

    value: Decimal | None
    count: int
    left_out: tuple[str, ...] = ()
    weighted: bool = False


def _rounded(value: Decimal | None, decimals: int | None) -> Decimal | None:
    if value is None or decimals is None:
        return value
    with exact():
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def leaves(node: TreeNode) -> Iterator[TreeNode]:
    """The leaves under `node` (the node itself when it has no children), in order."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.children:
            stack.extend(reversed(current.children))
        else:
            yield current


def sum_of_leaves(node: TreeNode, name: str) -> Decimal | None:
    """The exact sum of `name` over the leaves under `node`; leaves without a value are left
    out; None when no leaf has one."""
    return total(leaf.value(name) for leaf in leaves(node))


def sum_of_children(node: TreeNode, name: str) -> Decimal | None:
    """The exact sum of `name` over the direct children of `node`. A child with no value of its
    own stands for the sum of its own children (a parent printed empty is that sum); None when
    nothing has a value."""
    return total(
        child.value(name) if child.value(name) is not None or not child.children
        else sum_of_children(child, name)
        for child in node.children
    )


def mean_of(
    values: Sequence[Decimal | None],
    weights: Sequence[Decimal] | None = None,
    keys: Sequence[str] | None = None,
) -> Mean:
    """The mean of the values present: `Σ v / n`, or `Σ v × w / Σ w` with weights. Missing
    values are left out and reported by key (or by 1-based position when no keys are given).
    None when nothing is left or the weights of what is left sum to 0."""
    if weights is not None and len(weights) != len(values):
        raise ValueError("jumlah bobot tidak sama dengan jumlah nilai")
    if keys is not None and len(keys) != len(values):
        raise ValueError("jumlah kunci tidak sama dengan jumlah nilai")
    left_out: list[str] = []
    weighted = weights is not None and any(w != ONE for w in weights)
    count = 0
    with exact():
        numerator = ZERO
        denominator = ZERO
        for i, v in enumerate(values):
            if v is None:
                left_out.append(keys[i] if keys is not None else str(i + 1))
                continue
            w = weights[i] if weights is not None else ONE
            numerator += v * w
            denominator += w
            count += 1
        value = numerator / denominator if count and denominator != 0 else None
    return Mean(value, count, tuple(left_out), weighted)


def mean_of_children(node: TreeNode, name: str) -> Mean:
    """The (weighted) mean of the children's own values of `name`."""
    children = node.children
    return mean_of(
        [c.value(name) for c in children],
        [c.weight for c in children],
        [c.key for c in children],
    )


def nested_mean(node: TreeNode, name: str, round_to: int | None = None) -> Mean:
    """The achievement of `node` as a mean of means: a leaf's own value; a parent's the
    (weighted) mean of its children's nested means (the quarterly form: kegiatan = mean of sub
    kegiatan, program = mean of kegiatan means, total = mean of program means). `left_out`
    lists every node, at any depth, left out for having no value.

    With `round_to`, each parent's mean (this node's too) is rounded half-up to that many
    decimals before its own parent uses it, as forms that average their printed averages do
    (Samarinda: the exact mean of means is 55,274…, the printed 55,28 is the mean of the
    printed kegiatan averages)."""
    if not node.children:
        v = node.value(name)
        return Mean(v, 1 if v is not None else 0)
    values: list[Decimal | None] = []
    deeper: list[str] = []
    for child in node.children:
        m = nested_mean(child, name, round_to)
        values.append(m.value)
        deeper.extend(m.left_out)
    mean = mean_of(values, [c.weight for c in node.children], [c.key for c in node.children])
    return replace(mean, value=_rounded(mean.value, round_to),
                   left_out=(*deeper, *mean.left_out))


def ratio_of_sums(node: TreeNode, numerator: str, denominator: str) -> Decimal | None:
    """`Σ numerator / Σ denominator × 100` over the leaves under `node` (budget achievement:
    total realisation over total pagu); None when a total is missing or the denominator is 0."""
    return percent(sum_of_leaves(node, numerator), sum_of_leaves(node, denominator))


def ratio_of_totals(pairs: Sequence[tuple[Decimal | None, Decimal | None]]) -> Decimal | None:
    """`Σ a / Σ b × 100` over (a, b) pairs, each total over the values present."""
    return percent(total(a for a, _ in pairs), total(b for _, b in pairs))


def roll_up(
    node: Node,
    sums: Sequence[str] = (),
    means: Sequence[str] = (),
    ratios: Mapping[str, tuple[str, str]] | None = None,
    round_means: int | None = None,
) -> Node:
    """A new tree in which every parent's `sums` are the exact sums of its children's (after
    their own roll-up), every parent's `means` the (weighted) mean of its children's, with the
    children left out recorded in `left_out`, and every node's `ratios[name] = (a, b)` the value
    `a / b × 100` of its rolled-up values (so a parent's is a ratio of sums). Leaves keep their
    own sums and means; other values are kept as they are. With `round_means`, each parent's
    mean is rounded half-up to that many decimals (see `nested_mean`)."""
    ratio_map = ratios or {}
    if not node.children:
        if not ratio_map:
            return node
        values = dict(node.values)
        for name, (a, b) in ratio_map.items():
            values[name] = percent(values.get(a), values.get(b))
        return replace(node, values=values)
    children = tuple(roll_up(c, sums, means, ratio_map, round_means) for c in node.children)
    values = dict(node.values)
    left_out: dict[str, tuple[str, ...]] = {}
    for name in sums:
        values[name] = total(c.values.get(name) for c in children)
    for name in means:
        m = mean_of([c.values.get(name) for c in children], [c.weight for c in children],
                    [c.key for c in children])
        values[name] = _rounded(m.value, round_means)
        if m.left_out:
            left_out[name] = m.left_out
    for name, (a, b) in ratio_map.items():
        values[name] = percent(values.get(a), values.get(b))
    return replace(node, values=values, children=children, left_out=left_out)
