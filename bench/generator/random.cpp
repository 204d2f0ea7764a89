#include "random.hpp"

#include <cmath>

namespace minqing::casegen {
namespace {

// Bits of the exponent's fraction: 2^-20 of the ratio's logarithm is far finer than a minute.
constexpr int kFractionBits = 20;

}  // namespace

double Random::LogUniform(double low, double high) {
    // high/low raised to a random fraction u = 0.b1b2b3…: the product of the square roots
    // (ratio^(1/2), ratio^(1/4), …) whose bit is set.
    double root = high / low;
    double factor = 1.0;
    std::uint64_t bits = Next() >> (64 - kFractionBits);
    for (int i = kFractionBits - 1; i >= 0; --i) {
        root = std::sqrt(root);
        if (((bits >> i) & 1U) != 0) {
            factor *= root;
        }
    }
    return low * factor;
}

std::size_t Random::Weighted(std::span<const double> weights) {
    double total = 0;
    for (const double weight : weights) {
        total += weight;
    }
    if (total <= 0) {
        return 0;
    }
    double point = Unit() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (point < weights[i]) {
            return i;
        }
        point -= weights[i];
    }
    // Rounding can leave the point just past the last weight.
    for (std::size_t i = weights.size(); i > 0; --i) {
        if (weights[i - 1] > 0) {
            return i - 1;
        }
    }
    return 0;
}

}  // namespace minqing::casegen
