// A seeded random source whose every draw is the same on every standard library: the engine is
// std::mt19937_64 (fully specified by the standard), and the distributions are written here
// because std::uniform_int_distribution and friends differ between implementations. Not
// thread-safe; one per case being generated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>

namespace minqing::casegen {

/// SplitMix64's finaliser: spreads a (seed, index) pair over the whole 64-bit space, so that
/// neighbouring indices give unrelated engines.
constexpr std::uint64_t Mix(std::uint64_t value) {
    value += 0x9E3779B97F4A7C15ULL;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
    return value ^ (value >> 31);
}

class Random {
  public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}
    /// The source of item `index` of the stream `seed`.
    Random(std::uint64_t seed, std::uint64_t index) : engine_(Mix(seed ^ Mix(index))) {}

    std::uint64_t Next() { return engine_(); }

    /// Uniform in [0, bound); 0 when bound is 0. Rejection keeps it unbiased.
    std::uint64_t Below(std::uint64_t bound) {
        if (bound == 0) {
            return 0;
        }
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
        std::uint64_t value = Next();
        while (value >= limit) {
            value = Next();
        }
        return value % bound;
    }

    /// Uniform in [low, high], both included.
    int Between(int low, int high) {
        return low + static_cast<int>(Below(static_cast<std::uint64_t>(high - low) + 1));
    }

    /// Uniform in [0, 1), from the top 53 bits.
    double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

    bool Chance(double probability) { return Unit() < probability; }

    /// Log-uniform in [low, high] (0 < low <= high): durations spread over orders of magnitude,
    /// most of them short. Built from square roots and products only, which IEEE 754 rounds
    /// exactly, so unlike std::pow it gives the same bits with every maths library.
    double LogUniform(double low, double high);

    /// An index drawn with the given non-negative weights; 0 when they are all zero.
    std::size_t Weighted(std::span<const double> weights);

    /// A uniformly chosen element of a non-empty container.
    template <typename Container>
    const auto& Pick(const Container& items) {
        return items[static_cast<std::size_t>(Below(items.size()))];
    }

  private:
    std::mt19937_64 engine_;
};

}  // namespace minqing::casegen
