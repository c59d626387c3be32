"""Agreement of two coders on one yes/no question per unit ("is code X applied here?"), from its 2×2 table.

                     coder B: yes   coder B: no
    coder A: yes        both          only_a
    coder A: no        only_b         neither

Percentage agreement is (both + neither) / n. Cohen's kappa corrects it for the agreement the coders' own rates
would give by chance. Krippendorff's alpha (nominal, two coders, no missing values) compares observed and expected
disagreement over the pooled values of both coders. A measure that is undefined (no units, or no variation at
all, so chance agreement is 1) is None rather than a misleading number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AgreementTable:
    both: int = 0
    only_a: int = 0
    only_b: int = 0
    neither: int = 0

    @property
    def units(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither

    def __add__(self, other: AgreementTable) -> AgreementTable:
        return AgreementTable(self.both + other.both, self.only_a + other.only_a, self.only_b + other.only_b,
                              self.neither + other.neither)

    @property
    def percent(self) -> float | None:
        n = self.units
        return None if n == 0 else 100.0 * (self.both + self.neither) / n

    @property
    def kappa(self) -> float | None:
        n = self.units
        if n == 0:
            return None
        observed = (self.both + self.neither) / n
        a_yes, b_yes = (self.both + self.only_a) / n, (self.both + self.only_b) / n
        chance = a_yes * b_yes + (1 - a_yes) * (1 - b_yes)
        if chance >= 1.0:
            return None
        return (observed - chance) / (1 - chance)

    @property
    def alpha(self) -> float | None:
        # Coincidence matrix of 2n pairable values: each disagreeing unit adds one (yes, no) and one (no, yes)
        # pair, so alpha = 1 - (N - 1) * (only_a + only_b) / (n_yes * n_no) with N = 2n.
        pairable = 2 * self.units
        yes = 2 * self.both + self.only_a + self.only_b
        no = 2 * self.neither + self.only_a + self.only_b
        if pairable < 2 or yes == 0 or no == 0:
            return None
        return 1.0 - (pairable - 1) * (self.only_a + self.only_b) / (yes * no)


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined, in order."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def covered(spans: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in merged(spans))


def intersection(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where two sets of spans overlap, as merged spans."""
    a, b = merged(first), merged(second)
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def overlap_share(first: tuple[int, int], second: tuple[int, int]) -> float:
    """How much two passages share: the length of their overlap over the length of their union."""
    common = min(first[1], second[1]) - max(first[0], second[0])
    if common <= 0:
        return 0.0
    return common / (max(first[1], second[1]) - min(first[0], second[0]))
