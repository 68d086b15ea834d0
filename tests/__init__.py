"""sitrep tests: they mirror the package; data-driven ones read ../shared in place and skip without it."""
