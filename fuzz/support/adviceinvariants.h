#pragma once

namespace ace {
struct Advice;
class Catalog;
} // namespace ace

namespace ace::fuzz {

// Aborts (through ACE_FUZZ_REQUIRE) unless `advice` ranks every option of `catalog` once, the
// options not excluded first by score (ties in catalog order), each score the sum of its
// reasons' points, and every excluded option at score 0 with only the reasons that exclude it.
void requireConsistentAdvice(const Advice& advice, const Catalog& catalog, bool costWeighed);

} // namespace ace::fuzz
